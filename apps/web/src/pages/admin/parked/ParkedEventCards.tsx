import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { ParkedEvent } from './useParkedEvents';

/** Whether the screen is phone-narrow: the table's seven columns do not fit, each event becomes a card. */
export function useNarrowScreen(maxWidth = 700): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setNarrow(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return narrow;
}

/** The parked events one under the other, each field labelled (phones). */
export function ParkedEventCards({ items }: { items: ParkedEvent[] }) {
  const { t } = useI18n();
  const field = (label: string, value: React.ReactNode) => (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <span className="muted" style={{ fontSize: 12 }}>{label}</span>
      <span style={{ overflowWrap: 'anywhere' }}>{value}</span>
    </div>
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      {items.map((item) => (
        <div key={`${item.projection}:${item.eventId}`} data-testid="parked-row" data-projection={item.projection}
          style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: 12, borderBottom: '1px solid #e3e6eb' }}>
          {field(t('parked.col.projection'), <strong>{item.projection}</strong>)}
          {field(t('parked.col.type'), item.eventType)}
          {field(t('parked.col.stream'), <>{item.streamId}<span className="muted"> #{item.streamRevision}</span></>)}
          {field(t('parked.col.error'), <span data-testid="parked-error"><code>{item.errorClass}</code><br /><span className="muted">{item.errorMessage}</span></span>)}
          {field(`${t('parked.col.parkedAt')} · ${t('parked.col.position')} · ${t('parked.col.attempts')}`, `${formatDateTime(item.parkedAt)} · ${item.position} · ${item.attempts}`)}
        </div>
      ))}
    </div>
  );
}
