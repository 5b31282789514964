/**
 * 省总工会: the province federation an installation serves, above its cities. Configured, not
 * created by an administrator: it is the root of the tree (docs/configuration.md).
 */
export interface ProvinceUnit {
  /** The province's administrative code, e.g. 410000 (河南省). */
  readonly id: string;
  readonly name: string;
}

/** A province's code: two digits, then 0000 (GB/T 2260). */
const PROVINCE_CODE = /^\d{2}0000$/;

/**
 * The province named by PROVINCE_UNIT_ID and PROVINCE_UNIT_NAME, or none when both are unset.
 * A half-given or malformed setting stops the start with a message naming the setting.
 */
export function provinceFromSettings(id: string | undefined, name: string | undefined): ProvinceUnit | undefined {
  if (!id && !name) return undefined;
  if (!id || !name?.trim()) throw new Error('PROVINCE_UNIT_ID and PROVINCE_UNIT_NAME go together: set both (e.g. 410000 and 河南省总工会) or neither');
  if (!PROVINCE_CODE.test(id)) throw new Error(`PROVINCE_UNIT_ID must be a province's six-digit code ending in 0000 (e.g. 410000), not "${id}"`);
  return { id, name: name.trim() };
}
