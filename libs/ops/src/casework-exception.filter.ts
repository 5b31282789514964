import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CaseworkError, ConcurrencyConflictError, TooManyAttemptsError, ValidationError } from '#errors';

const STATUS_BY_KIND: Record<CaseworkError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_broken: 422,
  too_many_requests: 429,
  unavailable: 503,
};

const FRAMEWORK_CODES: Record<number, [code: string, message: string]> = {
  400: ['bad_request', '请求格式不正确'],
  401: ['unauthenticated', '请先登录'],
  403: ['forbidden', '没有权限执行此操作'],
  404: ['not_found', '请求的资源不存在'],
  413: ['payload_too_large', '请求内容过大'],
  415: ['unsupported_media_type', '请求须为 JSON'],
};

function isUndecodablePath(exception: unknown): boolean {
  const messages = [exception instanceof Error ? exception.message : '', exception instanceof HttpException ? JSON.stringify(exception.getResponse()) : ''];
  return exception instanceof URIError || messages.some((message) => message.includes('Failed to decode param'));
}

/** Maps every failure to one body shape `{statusCode, code, message, …}`; nothing leaks from a 500. */
@Catch()
export class CaseworkExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toBody(exception);
    if (exception instanceof TooManyAttemptsError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, Record<string, unknown>] {
    if (exception instanceof CaseworkError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      const body: Record<string, unknown> = { statusCode, code: exception.code, message: exception.message };
      if (exception instanceof ValidationError) body.errors = exception.violations;
      if (exception instanceof ConcurrencyConflictError) body.currentVersion = exception.currentVersion;
      if (exception instanceof TooManyAttemptsError) body.retryAfterSeconds = exception.retryAfterSeconds;
      return [statusCode, body];
    }
    if (isUndecodablePath(exception)) {
      // A path parameter with a broken %-escape (`%E0%A4%A`): the router refuses it before any pipe runs.
      const errors = [{ field: 'path', rule: 'encoding', message: '请求路径中的参数含有无效的 % 编码' }];
      return [400, { statusCode: 400, code: 'validation_failed', message: errors[0].message, errors }];
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const [code, message] = FRAMEWORK_CODES[statusCode] ?? ['http_error', '请求无法处理'];
      return [statusCode, { statusCode, code, message }];
    }
    // Log the type and stack only: messages of driver errors can quote the values involved.
    const error = exception instanceof Error ? exception : new Error('non-error thrown');
    this.logger.error(`Unhandled ${error.name}`, error.stack?.split('\n').slice(1).join('\n'));
    return [500, { statusCode: 500, code: 'internal_error', message: '服务器内部错误，请稍后重试' }];
  }
}
