import { hotlineReferenceData, type HotlineReferenceData } from '../reference-data.js';

/**
 * Port: the reference lists as they stand now — shipped, or corrected by administrators. The
 * complaint decider validates every command against it; the application keeps it in its database.
 */
export interface HotlineReferenceSource {
  current(): HotlineReferenceData;
}

/** The lists as shipped: for tools and tests that run without administrators. */
export const SHIPPED_REFERENCE_DATA: HotlineReferenceSource = { current: hotlineReferenceData };
