import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UploadedFiles, UseFilters, UseInterceptors, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsOptional } from 'class-validator';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { CommandMetadata, RequestTime, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { AccessLog } from '../personal-data/access-log.js';
import { ATTACHMENT_CASE_KINDS, type AttachmentCaseKindSpec } from './attachment-case-kinds.js';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import { Attachments, type ServedContent } from './attachments.service.js';
import { GoneFilter } from './gone.error.js';
import { EVIDENCE_KIND_LIST, type EvidenceKindList } from '../reference/evidence-kinds.store.js';
import { AttachmentRetentionController } from './retention-setting.controller.js';

/** `POST …/withdraw`: why the file is withdrawn (checked in the domain, so every rule has its Chinese message). */
export class WithdrawAttachmentDto {
  /** 撤回原因, at most 500 characters. */
  @IsOptional()
  reason?: string;
}

const UPLOAD_SCHEMA = {
  schema: {
    type: 'object',
    required: ['kind', 'files'],
    properties: {
      kind: { type: 'string', description: 'an active code of GET /api/attachment-kinds (the list administrators keep)' },
      note: { type: 'string', maxLength: 500 },
      person: { type: 'string' },
      files: { type: 'array', items: { type: 'string', format: 'binary' } },
    },
  },
};

/** `Content-Disposition` with the file's own name, UTF-8 encoded (RFC 6266 / 5987). */
function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  return `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The attachment routes of one kind of case: the same rules for all four. */
function attachmentsControllerFor(spec: AttachmentCaseKindSpec): Type<unknown> {
  const AttachmentId = new CaseIdPipe('attachment_not_found', '附件不存在或无权查看');
  const CaseId = new CaseIdPipe(`${spec.kind}_not_found`, '案件不存在或无权查看');

  @ApiTags('attachments')
  @ApiBearerAuth()
  @UseFilters(GoneFilter)
  @Controller(`api/${spec.path}`)
  class AttachmentsController {
    constructor(private readonly attachments: Attachments, private readonly accessLog: AccessLog) {}

    /** 上传证据附件: one or more `files`, each checked; one bad file refuses them all. */
    @Post(':caseId/attachments')
    @HttpCode(201)
    @ApiConsumes('multipart/form-data')
    @ApiBody(UPLOAD_SCHEMA)
    @UseInterceptors(AttachmentUploadInterceptor)
    add(
      @Param('caseId', CaseId) caseId: string,
      @UploadedFiles() files: { originalname: string; buffer: Buffer }[] | undefined,
      @Body() fields: Record<string, unknown>,
      @CurrentUser() user: AuthenticatedUser,
      @CommandMetadata() meta: HttpCommandMeta,
    ) {
      const incoming = (files ?? []).map((file) => ({ fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer }));
      return this.attachments.add(spec, caseId, fields ?? {}, incoming, user, meta);
    }

    @Get(':caseId/attachments')
    list(@Param('caseId', CaseId) caseId: string, @CurrentUser() user: AuthenticatedUser) {
      return this.attachments.list(spec, caseId, user);
    }

    /** The people of the case a file may concern, with the refs `person` accepts (the console's only source of them). */
    @Get(':caseId/attachments/people')
    people(@Param('caseId', CaseId) caseId: string, @CurrentUser() user: AuthenticatedUser) {
      return this.attachments.people(spec, caseId, user);
    }

    @Get(':caseId/attachments/:attachmentId/content')
    async content(@Param('caseId', CaseId) caseId: string, @Param('attachmentId', AttachmentId) attachmentId: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date, @Res() response: Response) {
      const served = await this.attachments.content(spec, caseId, attachmentId, user);
      await this.logged('download', caseId, attachmentId, served, user, now);
      this.send(response, served, 'attachment');
    }

    @Get(':caseId/attachments/:attachmentId/preview')
    async preview(@Param('caseId', CaseId) caseId: string, @Param('attachmentId', AttachmentId) attachmentId: string, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date, @Res() response: Response) {
      const served = await this.attachments.preview(spec, caseId, attachmentId, user);
      await this.logged('preview', caseId, attachmentId, served, user, now);
      this.send(response, served, 'inline');
    }

    @Post(':caseId/attachments/:attachmentId/withdraw')
    @HttpCode(200)
    withdraw(@Param('caseId', CaseId) caseId: string, @Param('attachmentId', AttachmentId) attachmentId: string, @Body() body: WithdrawAttachmentDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() meta: HttpCommandMeta) {
      return this.attachments.withdraw(spec, caseId, attachmentId, body?.reason, user, meta);
    }

    /** Written before the bytes go out: a download that cannot be logged is refused (as a reveal is). */
    private logged(action: 'download' | 'preview', caseId: string, attachmentId: string, served: ServedContent, user: AuthenticatedUser, now: Date) {
      return this.accessLog.record([{ at: now, user, action, caseKind: spec.kind, caseId, field: `attachments.${attachmentId}${served.person ? `.${served.person}` : ''}` }]);
    }

    private send(response: Response, served: ServedContent, kind: 'attachment' | 'inline') {
      response.setHeader('Content-Type', served.mediaType);
      response.setHeader('Content-Disposition', disposition(kind, served.fileName));
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Content-Length', served.bytes.length);
      // `end`, not `send`: Express's `send` hashes every body for an ETag, which `no-store` makes useless.
      response.end(served.bytes);
    }
  }
  Object.defineProperty(AttachmentsController, 'name', { value: `${spec.path.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}AttachmentsController` });
  return AttachmentsController;
}

/** `GET /api/attachment-kinds`: the evidence kinds a file may be. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/attachment-kinds')
export class AttachmentKindsController {
  constructor(@Inject(EVIDENCE_KIND_LIST) private readonly kinds: EvidenceKindList) {}

  /** The kinds new files may be; `?includeRetired=true` also the retired ones (`active: false`), whose labels old files still show. */
  @Get()
  async list(@Query('includeRetired') includeRetired?: string) {
    const kinds = await this.kinds.all();
    return { items: kinds.filter((k) => includeRetired === 'true' || k.active).map(({ code, label, active }) => (includeRetired === 'true' ? { code, label, active } : { code, label })) };
  }
}

export const ATTACHMENT_CONTROLLERS: Type<unknown>[] = [AttachmentKindsController, AttachmentRetentionController, ...ATTACHMENT_CASE_KINDS.map(attachmentsControllerFor)];
