import type { OrgUnit } from '../../../api-types';

/** The line that applies to every district without one of its own (`*` in POVERTY_LINES_FILE). */
export const ALL_DISTRICTS = '*';

/** A district's name from its administrative code (`410105` → 金水区); `*` as every district. */
export function districtLabel(code: string, units: readonly OrgUnit[], allLabel: string): string {
  if (code === ALL_DISTRICTS) return allLabel;
  return units.find((u) => u.kind === 'district' && u.code === code)?.name ?? code;
}
