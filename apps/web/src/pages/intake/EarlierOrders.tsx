import { StatusBadge } from '../../components/Badges';
import './earlier-orders.css';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { useEarlierOrders } from './earlier-orders';

/** 来电弹屏: the typed caller's earlier orders, each a link, while the call goes on. */
export function EarlierOrders({ phone, idNumber }: { phone: string; idNumber: string }) {
  const { t } = useI18n();
  const { unitName } = useReference();
  const { orders, loading } = useEarlierOrders(phone, idNumber);
  if (!orders && !loading) return null;
  return (
    <div className="earlier-orders" data-testid="earlier-orders" aria-live="polite">
      <strong>{t('intake.earlier.title')}</strong>
      {loading && !orders && <span className="muted"> {t('intake.earlier.loading')}</span>}
      {orders && orders.length === 0 && <p className="muted">{t('intake.earlier.none')}</p>}
      {orders && orders.length > 0 && (
        <ul>
          {orders.map((order) => (
            <li key={order.id} data-testid="earlier-order">
              <a href={hrefFor({ name: 'complaint', id: order.id })}>{order.caseNumber ?? order.title}</a>
              {order.caseNumber && <span> {order.title}</span>}
              {' '}<StatusBadge status={order.status} />
              <span className="muted"> {formatDateTime(order.receivedAt)} · {unitName(order.unitId)}</span>
              <span className="muted"> · {order.matchedOn.map((m) => t(m === 'same_phone' ? 'intake.earlier.byPhone' : 'intake.earlier.byId')).join('、')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
