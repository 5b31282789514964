/**
 * What the writer believes about the stream it appends to.
 * - `'no_stream'`: the stream must not exist yet;
 * - `'any'`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

/** The revision of an empty or absent stream, as reported in `AppendResult.nextExpectedRevision`. */
export const NO_STREAM_REVISION = -1;
