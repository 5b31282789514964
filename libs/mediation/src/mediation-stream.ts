/** Streams are named `<context>-<aggregate>-<id>` (ARCHITECTURE.md). */
export const MEDIATION_CASE_STREAM_PREFIX = 'mediation-case-';
export const mediationCaseStream = (caseId: string) => `${MEDIATION_CASE_STREAM_PREFIX}${caseId}`;
