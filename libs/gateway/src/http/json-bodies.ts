import express from 'express';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './input-safety.js';

/** What a request may carry: a log-in is a few hundred bytes; a signed-in user may upload a workbook. */
export interface BodyLimits {
  readonly anonymous: string;
  readonly signedIn: string;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { anonymous: '16kb', signedIn: '10mb' };

/** A request whose bearer token named a live session; the auth guard takes it from here. */
export interface PreAuthenticated {
  preAuthenticated?: unknown;
}

const WIRE_ERRORS: Readonly<Record<string, [status: number, code: string, message: string]>> = {
  'entity.too.large': [413, 'payload_too_large', '请求内容过大'],
  'entity.parse.failed': [400, 'malformed_json', '请求内容不是有效的 JSON'],
  'entity.too.deep': [400, 'json_too_deep', `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层`],
  'encoding.unsupported': [415, 'unsupported_encoding', '不支持的请求编码'],
  'charset.unsupported': [415, 'unsupported_charset', '请求须为 UTF-8 编码'],
};

/**
 * JSON bodies, parsed only after the caller is known: a request without a live session may send a
 * small body only, so nobody can make the server parse 10 MB before logging in. Nesting is counted
 * before parsing (`jsonDepthExceeds`), so a body nested 10,000 levels deep is refused in one pass.
 */
export function jsonBodies(authenticate: (token: string) => Promise<unknown>, limits: BodyLimits = DEFAULT_BODY_LIMITS): express.RequestHandler[] {
  const verify = (_request: unknown, _response: unknown, buffer: Buffer) => {
    if (jsonDepthExceeds(buffer, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: 'entity.too.deep' });
  };
  const small = express.json({ limit: limits.anonymous, verify });
  const large = express.json({ limit: limits.signedIn, verify });
  const parse: express.RequestHandler = (request, response, next) => {
    const token = bearerToken(request.headers.authorization);
    if (!token || !hasBody(request)) return small(request, response, next);
    authenticate(token).then(
      (session) => {
        (request as PreAuthenticated).preAuthenticated = session;
        large(request, response, next);
      },
      () => small(request, response, next),
    );
  };
  const refuse: express.ErrorRequestHandler = (error, _request, response, next) => {
    const known = WIRE_ERRORS[(error as { type?: string }).type ?? ''];
    if (!known) return next(error);
    const [statusCode, code, message] = known;
    response.status(statusCode).json({ statusCode, code, message });
  };
  return [parse, refuse as unknown as express.RequestHandler];
}

function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

function hasBody(request: express.Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
