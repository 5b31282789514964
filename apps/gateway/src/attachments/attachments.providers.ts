import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { attachmentLimitsFromEnv, PostgresContentStore, type ContentDatabase } from '#attachments';
import { DATA_SOURCE } from '../core/tokens.js';
import { AccessLog } from '../personal-data/access-log.js';
import { ATTACHMENT_LIMITS, CONTENT_STORE } from './attachment-tokens.js';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import { Attachments } from './attachments.service.js';
import { CaseReader } from './case-reader.js';

/** The read models' database (the events' own by default) as the content store's: a backup holds the files. */
function dataSourceContentDatabase(dataSource: DataSource): ContentDatabase {
  return {
    query: (text, values) => dataSource.query(text, values),
    transaction: (work) => dataSource.transaction((manager) => work((text, values) => manager.query(text, values))),
  };
}

export const ATTACHMENT_PROVIDERS: Provider[] = [
  { provide: ATTACHMENT_LIMITS, useFactory: () => attachmentLimitsFromEnv(process.env) },
  { provide: CONTENT_STORE, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => PostgresContentStore.open(dataSourceContentDatabase(dataSource)) },
  AccessLog,
  Attachments,
  CaseReader,
  AttachmentUploadInterceptor,
];
