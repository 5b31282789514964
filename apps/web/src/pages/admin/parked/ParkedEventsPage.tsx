import { useState } from 'react';
import { messageOf } from '../../../api';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useParkedEvents } from './useParkedEvents';
import { ParkedEventCards, useNarrowScreen } from './ParkedEventCards';

/**
 * 搁置的事件: what a projection or process manager could not apply, with its error (values masked by
 * the server), and the replay once the code is fixed. Shows types and case streams, never event data.
 */
export function ParkedEventsPage() {
  const { t } = useI18n();
  const { items, error, reload, replay } = useParkedEvents();
  const narrow = useNarrowScreen();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const projections = [...new Set((items ?? []).map((item) => item.projection))];

  async function replayNow(projection?: string) {
    setBusy(true);
    setNotice(null);
    try {
      const reports = await replay(projection);
      const replayed = reports.reduce((sum, r) => sum + r.replayed, 0);
      const still = reports.reduce((sum, r) => sum + r.stillParked, 0);
      setNotice({ kind: still > 0 ? 'error' : 'info', text: t('parked.replayed', { replayed, still }) });
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
    } finally {
      setBusy(false);
      reload();
    }
  }

  return (
    <section className="page" data-testid="parked-events-page">
      <div className="page-head" style={{ flexWrap: 'wrap', gap: 12 }}>
        <h1>{t('parked.title')}</h1>
        {items && items.length > 0 && (
          <button type="button" className="primary" data-testid="parked-replay-all" disabled={busy} onClick={() => void replayNow()}>
            {busy ? t('parked.replaying') : t('parked.replayAll')}
          </button>
        )}
      </div>
      <p className="muted">{t('parked.hint')}</p>
      <Notice kind={notice?.kind ?? 'error'} text={notice?.text ?? error} testId="parked-notice" />
      {items && items.length > 0 && <p data-testid="parked-total"><strong>{t('parked.total', { count: items.length })}</strong></p>}
      <div className="card card-flush">
        {items === null ? !error && <p className="empty">{t('common.loading')}</p> : items.length === 0 ? <p className="empty" data-testid="parked-empty">{t('parked.none')}</p> : narrow ? <ParkedEventCards items={items} /> : (
          <div style={{ overflowX: 'auto' }}>
            <table className="table" data-testid="parked-table">
              <thead>
                <tr>
                  <th>{t('parked.col.projection')}</th><th>{t('parked.col.position')}</th><th>{t('parked.col.type')}</th>
                  <th>{t('parked.col.stream')}</th><th>{t('parked.col.error')}</th><th>{t('parked.col.parkedAt')}</th><th className="num">{t('parked.col.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.projection}:${item.eventId}`} data-testid="parked-row" data-projection={item.projection}>
                    <td className="nowrap">{item.projection}</td>
                    <td className="nowrap muted">{item.position}</td>
                    <td>{item.eventType}</td>
                    <td style={{ wordBreak: 'break-all' }}>{item.streamId}<span className="muted"> #{item.streamRevision}</span></td>
                    <td data-testid="parked-error"><code>{item.errorClass}</code><br /><span className="muted">{item.errorMessage}</span></td>
                    <td className="nowrap">{formatDateTime(item.parkedAt)}</td>
                    <td className="num">{item.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {projections.length > 1 && (
        <div className="row-actions">
          {projections.map((projection) => (
            <button key={projection} type="button" className="secondary" data-testid="parked-replay-one" disabled={busy} onClick={() => void replayNow(projection)}>
              {t('parked.replayOne')}：{projection}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** The screen of the parked-events route; `null` for every other route. */
export function parkedPage(route: { name: string }) {
  return route.name === 'parked-events' ? <ParkedEventsPage /> : null;
}
