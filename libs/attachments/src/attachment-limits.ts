/** How much a request and a case may carry (docs/operations.md, "Attachments"). */
export interface AttachmentLimits {
  /** One file, in bytes (ATTACHMENT_MAX_BYTES, default 20 MB). */
  readonly maxFileBytes: number;
  /** Files in one request (ATTACHMENT_MAX_FILES, default 10). */
  readonly maxFilesPerRequest: number;
  /** All files of one case that are not withdrawn (ATTACHMENT_MAX_CASE_BYTES, default 500 MB). */
  readonly maxCaseBytes: number;
  /** Days the bytes of a withdrawn file are kept (ATTACHMENT_RETENTION_DAYS, default 30) until an administrator sets them (retention-days.ts). */
  readonly retentionDays: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 20 * MB, maxFilesPerRequest: 10, maxCaseBytes: 500 * MB, retentionDays: 30 };

export function attachmentLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): AttachmentLimits {
  return {
    maxFileBytes: positive(env.ATTACHMENT_MAX_BYTES, 'ATTACHMENT_MAX_BYTES') ?? DEFAULT_ATTACHMENT_LIMITS.maxFileBytes,
    maxFilesPerRequest: positive(env.ATTACHMENT_MAX_FILES, 'ATTACHMENT_MAX_FILES') ?? DEFAULT_ATTACHMENT_LIMITS.maxFilesPerRequest,
    maxCaseBytes: positive(env.ATTACHMENT_MAX_CASE_BYTES, 'ATTACHMENT_MAX_CASE_BYTES') ?? DEFAULT_ATTACHMENT_LIMITS.maxCaseBytes,
    retentionDays: positive(env.ATTACHMENT_RETENTION_DAYS, 'ATTACHMENT_RETENTION_DAYS') ?? DEFAULT_ATTACHMENT_LIMITS.retentionDays,
  };
}

function positive(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return Number(value);
}

/** `20971520` → `20 MB`, for messages. */
export function sizeInWords(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} 字节`;
}
