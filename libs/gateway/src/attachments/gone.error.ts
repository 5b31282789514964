import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/** The file was there and is gone for good: its person was erased, or a withdrawn file's bytes were removed. */
export class GoneError extends Error {
  constructor(readonly code: 'attachment_erased' | 'attachment_withdrawn', message: string) {
    super(message);
  }
}

/** `410`, in the API's one error shape. */
@Catch(GoneError)
export class GoneFilter implements ExceptionFilter {
  catch(error: GoneError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(410).json({ statusCode: 410, code: error.code, message: error.message });
  }
}
