/** The wage case's requests: an emergency advance, and closing as unrecoverable. A reason is required either way. */
export const WAGE_APPROVAL_KINDS = ['wage_advance', 'wage_unrecoverable_closure'];

/** The hardship file's requests: registration (建档立卡) and lifting out (脱困). The domain records an opinion with either decision. */
export const HARDSHIP_APPROVAL_KINDS = ['hardship_registration', 'hardship_lift_out'];

/** Requests whose decision, approval too, is always explained. */
export const EXPLAINED_KINDS = [...WAGE_APPROVAL_KINDS, ...HARDSHIP_APPROVAL_KINDS];
