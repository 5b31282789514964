/** `13812345678` → `138****5678`; landlines keep their last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** `410105199001011234` → `410105********1234` (area code and last four kept). */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(Math.max(4, id.length));
}

/** A home address keeps its first six characters (province, city, district). */
export function maskAddress(address: string): string {
  return address.length > 6 ? `${address.slice(0, 6)}****` : '****';
}

const MASKERS: Record<string, (value: string) => string> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  homeAddress: maskAddress,
};

export interface MaskingOptions {
  /**
   * Every leaf named `address` is a person's address (a mediation case's parties, whose registry
   * encrypts them), not an employer's public one as in a complaint.
   */
  readonly addresses?: boolean;
}

/**
 * A copy of `data` with every sensitive leaf (`phone`, `idNumber`, `homeAddress`, and `address` when
 * asked) masked, wherever it sits. Names and employers' addresses are not masked: DOMAIN.md
 * "Personal data" shows ID numbers, phones and home addresses masked; names are encrypted at rest only.
 */
export function maskSensitiveFields<T>(data: T, options: MaskingOptions = {}): T {
  const maskers = options.addresses ? { ...MASKERS, address: maskAddress } : MASKERS;
  const mask = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(mask);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, typeof value === 'string' && maskers[key] ? maskers[key](value) : mask(value)]));
  };
  return mask(data) as T;
}
