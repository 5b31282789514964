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

/**
 * A copy of `data` with every sensitive leaf (`phone`, `idNumber`, `homeAddress`) masked, wherever it
 * sits. Names and employers' addresses are not personal data in this sense (DOMAIN.md "Personal data").
 */
export function maskSensitiveFields<T>(data: T): T {
  if (Array.isArray(data)) return data.map((item) => maskSensitiveFields(item)) as T;
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, typeof value === 'string' && MASKERS[key] ? MASKERS[key](value) : maskSensitiveFields(value)]),
  ) as T;
}
