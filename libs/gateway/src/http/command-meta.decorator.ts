import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { deterministicUuid, requestFingerprint, type CommandMeta } from '#command-handling';
import { ValidationError } from '#errors';
import type { AuthenticatedUser } from '../auth/current-user.js';

/** The instant the request is handled at: the system clock, read once per request by a middleware. */
export function requestTime(request: { now?: Date }): Date {
  return request.now ?? new Date();
}

/** The request's instant, as a parameter. */
export const RequestTime = createParamDecorator((_: unknown, context: ExecutionContext): Date => requestTime(context.switchToHttp().getRequest()));

/** `If-Match: 5`, `"5"` or `W/"5"` → 5. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new ValidationError([{ field: 'If-Match', rule: 'version', message: 'If-Match 请求头必须是记录的版本号（整数），例如 If-Match: 3' }]);
  return Number(match[1]);
}

function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(header)) {
    throw new ValidationError([{ field: 'Idempotency-Key', rule: 'pattern', message: 'Idempotency-Key 请求头须为8至128位字母、数字或 _ . : -（建议使用UUID）' }]);
  }
  return header;
}

/** The command id of a user's `Idempotency-Key`: the same for every retry, distinct between users. */
export function commandIdOf(userId: string, idempotencyKey: string): string {
  return deterministicUuid('idempotency-key', userId, idempotencyKey);
}

/** Builds the command's metadata from the caller and the `If-Match`, `Idempotency-Key` and `X-Correlation-Id` headers. */
export const CommandMetadata = createParamDecorator((_: unknown, context: ExecutionContext): HttpCommandMeta => {
  const request = context.switchToHttp().getRequest();
  const user: AuthenticatedUser = request.user;
  const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
  // Keys are the user's own: the same key from another user is another command (ADR 0005).
  const commandId = idempotencyKey ? commandIdOf(user.userId, idempotencyKey) : randomUUID();
  const correlation = request.headers['x-correlation-id'];
  return {
    actor: { userId: user.userId, role: user.role, orgUnitId: user.orgUnitId },
    commandId,
    correlationId: typeof correlation === 'string' && /^[A-Za-z0-9_.:-]{1,128}$/.test(correlation) ? correlation : commandId,
    causationId: commandId,
    expectedVersion: parseIfMatch(request.headers['if-match']),
    requestFingerprint: requestFingerprint(request.method, request.originalUrl ?? request.url, request.body ?? null),
    now: requestTime(request),
    idempotencyKey,
  };
});

/** The command's metadata plus what the idempotency check needs: the key and what the request asked for. */
export type HttpCommandMeta = CommandMeta & { idempotencyKey?: string; requestFingerprint: string };
