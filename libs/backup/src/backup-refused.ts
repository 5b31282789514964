/**
 * Why a backup or a restore did not go ahead. Printed to an operator, so it says it in Chinese and in
 * English, with a stable `code` for scripts; nothing has been written when a restore refuses.
 */
export class BackupRefused extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'BackupRefused';
  }
}
