import { useState } from 'react';
import type { Role } from '../../api-types';
import { OverdueBadge } from '../../components/Badges';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { findItem, useReference, type Reference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { readSession } from '../../session';
import { routeOf } from '../cases/CaseTable';
import { dueStepLabel } from '../cases/due-step';
import { INBOX_BUCKETS, useInbox, type Inbox, type InboxBucket, type InboxItem } from './useInbox';
import './inbox.css';

/**
 * The buckets a role works from: a mediator neither signs for orders nor approves; only supervisors
 * approve; only mediators hold sessions. The API counts nothing for a bucket a role cannot have.
 */
const BUCKETS_OF: Record<Role, readonly InboxBucket[]> = {
  caseworker: ['overdue', 'toSignFor', 'returned', 'dueSoon', 'followUpsDue', 'reminders'],
  supervisor: ['overdue', 'toApprove', 'toSignFor', 'returned', 'dueSoon', 'followUpsDue', 'reminders'],
  mediator: ['sessionsToday', 'overdue', 'dueSoon'],
  admin: [],
};

/** 待办: each bucket with its count, and its first items; a click opens the case. */
export function InboxPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [attempt, setAttempt] = useState(0);
  const { inbox, error } = useInbox(attempt, t('common.networkError'));
  const role = readSession()?.user.role ?? 'caseworker';
  const buckets = BUCKETS_OF[role] ?? INBOX_BUCKETS;
  return (
    <section className="page page-narrow inbox-page" data-testid="inbox-page">
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
        <button type="button" className="secondary" data-testid="inbox-refresh" onClick={() => setAttempt((n) => n + 1)}>{t('common.refresh')}</button>
      </div>
      <p className="muted">{t('inbox.hint')}</p>
      <Notice kind="error" text={error} testId="inbox-error" />
      {inbox === null && !error && <p className="muted">{t('common.loading')}</p>}
      {inbox && (
        <>
          <nav className="inbox-tiles" data-testid="inbox-tiles">
            {buckets.map((bucket) => (
              <a key={bucket} href={`#/inbox`} onClick={(e) => { e.preventDefault(); document.getElementById(`inbox-${bucket}`)?.scrollIntoView(); }}
                className={`inbox-tile${inbox.counts[bucket] > 0 ? ' has-items' : ''}${bucket === 'overdue' && inbox.counts.overdue > 0 ? ' is-overdue' : ''}`}
                data-testid={`inbox-tile-${bucket}`}>
                <span className="inbox-tile-count" data-testid={`inbox-count-${bucket}`}>{countText(inbox, bucket)}</span>
                <span className="inbox-tile-name">{t(`inbox.bucket.${bucket}` as MessageKey)}</span>
              </a>
            ))}
          </nav>
          {buckets.every((bucket) => inbox.counts[bucket] === 0) && <p className="empty card" data-testid="inbox-empty">{t('inbox.empty')}</p>}
          {buckets.filter((bucket) => inbox.counts[bucket] > 0).map((bucket) => <BucketSection key={bucket} bucket={bucket} inbox={inbox} i18n={i18n} />)}
        </>
      )}
    </section>
  );
}

function countText(inbox: Inbox, bucket: InboxBucket): string {
  return inbox.capped.includes(bucket) ? '999+' : String(inbox.counts[bucket]);
}

function BucketSection({ bucket, inbox, i18n }: { bucket: InboxBucket; inbox: Inbox; i18n: I18n }) {
  const { t } = i18n;
  const ref = useReference();
  const items = inbox.items[bucket];
  const more = inbox.counts[bucket] - items.length;
  return (
    <section className="card card-flush inbox-bucket" id={`inbox-${bucket}`} data-testid={`inbox-bucket-${bucket}`}>
      <header className="inbox-bucket-head">
        <h2>{t(`inbox.bucket.${bucket}` as MessageKey)} <span className="inbox-bucket-count">{countText(inbox, bucket)}</span></h2>
        <p className="muted">{t(`inbox.bucketHint.${bucket}` as MessageKey)}</p>
      </header>
      <table className="table stacked inbox-table">
        <thead>
          <tr><th>{t('inbox.col.number')}</th><th>{t('inbox.col.title')}</th><th>{t('inbox.col.detail')}</th><th>{t('inbox.col.unit')}</th><th>{t('inbox.col.due')}</th></tr>
        </thead>
        <tbody>
          {items.map((item) => <ItemRow key={`${item.id}:${item.detail ?? ''}`} bucket={bucket} item={item} i18n={i18n} ref_={ref} />)}
        </tbody>
      </table>
      {more > 0 && <p className="muted inbox-more" data-testid="inbox-more">{t('inbox.more', { n: more })}</p>}
    </section>
  );
}

function ItemRow({ bucket, item, i18n, ref_ }: { bucket: InboxBucket; item: InboxItem; i18n: I18n; ref_: Reference }) {
  const { t } = i18n;
  const route = routeOf(item);
  const href = route ? hrefFor(route) : undefined;
  const overdue = bucket === 'overdue' || (!!item.dueAt && bucket !== 'sessionsToday' && Date.parse(item.dueAt) < Date.now());
  return (
    <tr data-testid="inbox-item" data-bucket={bucket} data-kind={item.kind}>
      <td className="nowrap mono" data-label={t('inbox.col.number')} data-testid="inbox-item-number">{item.caseNumber ?? t('inbox.noNumber')}</td>
      <td className="case-title" data-label={t('inbox.col.title')}>{href ? <a href={href} data-testid="inbox-item-link">{item.title}</a> : item.title}</td>
      <td data-label={t('inbox.col.detail')}>{detailText(bucket, item, i18n, ref_)}</td>
      <td data-label={t('inbox.col.unit')}>{item.unitName}</td>
      <td className={overdue ? 'nowrap text-danger' : 'nowrap'} data-label={t('inbox.col.due')}>
        {item.dueAt ? formatDateTime(item.dueAt) : t('common.none')}{overdue && <>{' '}<OverdueBadge /></>}
      </td>
    </tr>
  );
}

/** The detail code in words: a deadline's step, a return's reason, a request's kind, a session's mode. */
function detailText(bucket: InboxBucket, item: InboxItem, i18n: I18n, ref: Reference): string {
  const { tOr } = i18n;
  const code = item.detail;
  if (!code) return tOr(`kind.${item.kind}`, item.kind);
  switch (bucket) {
    case 'returned':
      return i18n.label(findItem(ref.hotline.returnReasons, code), code);
    case 'toApprove':
      return tOr(`approvalKind.${code}`, code);
    case 'sessionsToday':
      return tOr(`med.mode.${code}`, code);
    case 'reminders':
      return tOr(`hs.step.${code}`, code);
    default:
      return item.kind === 'hardship_file' ? tOr(`hs.step.${code}`, dueStepLabel(code, i18n)) : dueStepLabel(code, i18n);
  }
}
