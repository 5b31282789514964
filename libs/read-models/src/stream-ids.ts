/** The streams of the four kinds of case (complaint, wage case, hardship file, mediation case). */
export const CASE_STREAM_PREFIXES: readonly string[] = ['hotline-complaint-', 'wage-case-', 'hardship-file-', 'mediation-case-'];

/** `<context>-<aggregate>-<id>` → `<id>`: the aggregate id of a `<context>-<aggregate>-<id>` stream. */
export function aggregateIdOf(streamId: string): string {
  const second = streamId.indexOf('-', streamId.indexOf('-') + 1);
  return streamId.slice(second + 1);
}
