/** A case's readable number (案件编号) beside its title; nothing for a case created before numbers were given. */
export function CaseNumberTag({ number }: { number?: string | null }) {
  if (!number) return null;
  return <span className="case-number-tag" data-testid="case-number-tag">{number}</span>;
}
