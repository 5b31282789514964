import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../../api';
import { ListSearchBox } from '../../components/ListSearchBox';
import { ExportButton } from '../print/ExportButton';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

interface SupervisorNotice {
  id: string;
  unitId: string;
  unitName: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

/** 系统通知: what the system tells supervisors (a broken hash chain, a user over the reveal limit), newest first. */
export function NoticesPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<SupervisorNotice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloadToken, setReloadToken] = useState(0);
  const [q, setQ] = useState('');

  useEffect(() => {
    let live = true;
    api
      .get<{ items: SupervisorNotice[] }>(`/api/notices${query({ q })}`)
      .then((answer) => live && (setItems(answer.items), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [q, reloadToken]);

  const markRead = async (id: string) => {
    try {
      await api.post(`/api/notices/${id}/read`, {});
      setReloadToken((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section className="page" data-testid="notices-page">
      <div className="page-head">
        <h1>{t('notices.title')}</h1>
        <ExportButton testId="notices-export" fileName={`${t('notices.title')}.xlsx`} path={`/api/notices/export.xlsx${query({ q })}`} />
        <button type="button" className="secondary" onClick={() => setReloadToken((n) => n + 1)}>{t('common.refresh')}</button>
      </div>
      <div className="filters">
        <ListSearchBox id="notices-q" value={q} hint="lists.searchHint.notices" onSearch={setQ} />
      </div>
      <Notice kind="error" text={error} />
      {items && items.length === 0 && <p className="empty">{t('notices.none')}</p>}
      {items?.map((notice) => (
        <article key={notice.id} className="card" data-testid="notice" data-kind={notice.kind} aria-label={notice.title}>
          <h2>{notice.read ? notice.title : `● ${notice.title}`}</h2>
          <p className="muted">{notice.unitName} · {formatDateTime(notice.createdAt)}</p>
          <p>{notice.body}</p>
          {!notice.read && (
            <button type="button" className="secondary" data-testid="notice-read" onClick={() => void markRead(notice.id)}>{t('notices.markRead')}</button>
          )}
        </article>
      ))}
    </section>
  );
}
