import { BadRequestException, type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { AttachmentRefused, sizeInWords, type AttachmentLimits } from '#attachments';
import { ATTACHMENT_LIMITS } from './attachment-tokens.js';

/**
 * Reads the `files` parts into memory with the configured limits: a file over the limit, or one file
 * too many, is refused while it arrives (multer stops reading), as a 400 with the rule's code.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(@Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimits) {
    const Multer = FilesInterceptor('files', limits.maxFilesPerRequest, {
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFilesPerRequest, fields: 10, fieldSize: 4096, parts: limits.maxFilesPerRequest + 10 },
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler) {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private refusal(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      return new AttachmentRefused([{ field: 'files', rule: 'file_too_large', message: `有文件超过单个文件 ${sizeInWords(this.limits.maxFileBytes)} 的上限，未保存任何文件` }]);
    }
    if (error instanceof BadRequestException) {
      const text = JSON.stringify(error.getResponse());
      if (/Too many (files|parts)|Unexpected field/i.test(text) && /Too many/i.test(text)) {
        return new AttachmentRefused([{ field: 'files', rule: 'too_many_files', message: `一次最多上传 ${this.limits.maxFilesPerRequest} 个文件` }]);
      }
      if (/Unexpected field/i.test(text)) {
        return new AttachmentRefused([{ field: 'files', rule: 'too_many_files', message: `文件须放在表单字段 files 中，一次最多 ${this.limits.maxFilesPerRequest} 个` }]);
      }
      return new AttachmentRefused([{ field: 'files', rule: 'multipart', message: '上传内容须为 multipart/form-data 表单，文件放在 files 字段中' }]);
    }
    return error;
  }
}
