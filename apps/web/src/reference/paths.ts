/** The reference data every screen reads its labels from (ReferenceProvider), and the boot prefetch asks for early. */
export const HOTLINE_REFERENCE_PATH = '/api/reference/hotline?includeRetired=true';
export const ORG_UNITS_PATH = '/api/org-units';
