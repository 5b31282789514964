/** Streams are named `<context>-<aggregate>-<id>` (ARCHITECTURE.md). */
export const HARDSHIP_FILE_STREAM_PREFIX = 'hardship-file-';
export const hardshipFileStream = (fileId: string) => `${HARDSHIP_FILE_STREAM_PREFIX}${fileId}`;
