/** Letters and digits that cannot be mistaken for each other when read out (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A first password for a new user, made in the browser from the platform's secure random source:
 * `Xk7m-Qp2z-W9rt`. It is sent once to `POST /api/users`, shown once, and kept nowhere.
 */
export function generateTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join('')).join('-');
}
