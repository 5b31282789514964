import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/** The value was there, but its person's key has been deleted (crypto-shredding): gone for good. */
export class PersonalDataErasedError extends Error {
  readonly code = 'personal_data_erased';
  constructor() {
    super('该个人信息已依法删除，无法再查看');
  }
}

/** `410 personal_data_erased`, in the API's one error shape. */
@Catch(PersonalDataErasedError)
export class PersonalDataErasedFilter implements ExceptionFilter {
  catch(error: PersonalDataErasedError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(410).json({ statusCode: 410, code: error.code, message: error.message });
  }
}
