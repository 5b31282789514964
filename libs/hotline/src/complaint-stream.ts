/** Streams are named `<context>-<aggregate>-<id>` (ARCHITECTURE.md). */
export const complaintStream = (complaintId: string) => `hotline-complaint-${complaintId}`;
