import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AttachmentLedger, attachmentLimitsFromEnv, type AttachmentLimits, type ContentDatabase, type ContentStore } from '#attachments';
import { DATA_SOURCE, EVENT_STORE } from '#service-tokens';
import { AccessLog } from '../personal-data/access-log.js';
import { ATTACHMENT_LIMITS, CONTENT_STORE } from './attachment-tokens.js';
import { AttachmentSweep } from './attachment-sweep.js';
import { openContentStore } from './content-store-config.js';
import type { EventStore } from '#event-store';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import { Attachments } from './attachments.service.js';
import { CaseReader } from './case-reader.js';
import { AttachmentRetentionSetting } from './retention-setting.store.js';

/** The read models' database (the events' own by default) as the content store's: a backup holds the files. */
function dataSourceContentDatabase(dataSource: DataSource): ContentDatabase {
  return {
    query: (text, values) => dataSource.query(text, values),
    transaction: (work) => dataSource.transaction((manager) => work((text, values) => manager.query(text, values))),
  };
}

export const ATTACHMENT_PROVIDERS: Provider[] = [
  { provide: ATTACHMENT_LIMITS, useFactory: () => attachmentLimitsFromEnv(process.env) },
  { provide: CONTENT_STORE, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => openContentStore(process.env, dataSourceContentDatabase(dataSource)) },
  { provide: AttachmentLedger, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => AttachmentLedger.open(dataSourceContentDatabase(dataSource)) },
  // The administrator's days, else ATTACHMENT_RETENTION_DAYS: read afresh at each sweep.
  { provide: AttachmentRetentionSetting, inject: [DATA_SOURCE, ATTACHMENT_LIMITS], useFactory: (dataSource: DataSource, limits: AttachmentLimits) => AttachmentRetentionSetting.open(dataSource, limits.retentionDays) },
  {
    provide: AttachmentSweep,
    inject: [EVENT_STORE, CONTENT_STORE, AttachmentLedger, AttachmentRetentionSetting],
    useFactory: (store: EventStore, contents: ContentStore, ledger: AttachmentLedger, retention: AttachmentRetentionSetting) => new AttachmentSweep({ store, contents, ledger, retentionDays: () => retention.days() }),
  },
  AccessLog,
  Attachments,
  CaseReader,
  AttachmentUploadInterceptor,
];
