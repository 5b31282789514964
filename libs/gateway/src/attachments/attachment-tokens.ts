/** The content store of attachments' bytes (`#attachments` ContentStore). */
export const CONTENT_STORE = Symbol('CONTENT_STORE');
/** The limits read from the environment (`attachmentLimitsFromEnv`). */
export const ATTACHMENT_LIMITS = Symbol('ATTACHMENT_LIMITS');
