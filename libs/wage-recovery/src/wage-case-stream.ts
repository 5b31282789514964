/** Streams are named `<context>-<aggregate>-<id>` (ARCHITECTURE.md). */
export const WAGE_CASE_STREAM_PREFIX = 'wage-case-';
export const wageCaseStream = (caseId: string) => `${WAGE_CASE_STREAM_PREFIX}${caseId}`;
