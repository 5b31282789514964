/** The wage case's requests: an emergency advance, and closing as unrecoverable. A reason is required either way. */
export const WAGE_APPROVAL_KINDS = ['wage_advance', 'wage_unrecoverable_closure'];
