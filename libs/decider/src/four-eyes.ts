import { ForbiddenError } from '#errors';

/**
 * 四眼原则 (DOMAIN.md, "Four eyes"): nobody decides a request they made themselves — neither
 * approves nor rejects it; another supervisor must. Requests record who made them (`requestedBy`);
 * one recorded before that was kept names nobody and is not checked.
 */
export function requireNotOwnRequest(actor: { readonly userId: string }, requestedBy: string | undefined, request: string): void {
  if (requestedBy !== undefined && requestedBy === actor.userId) {
    throw new ForbiddenError('own_request', `不能审批自己提出的${request}，须由另一位督导审批`);
  }
}
