import { StatusBadge } from '../../components/Badges';
import './earlier-orders.css';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { takesRepeatCalls, useEarlierOrders, type EarlierOrder } from './earlier-orders';

interface Props {
  phone: string;
  idNumber: string;
  /** The earlier order this call is to be merged into (并入此单), if the operator picked one. */
  mergeTarget?: EarlierOrder | null;
  onMergeTarget?: (order: EarlierOrder | null) => void;
}

/**
 * 来电弹屏: the typed caller's earlier orders, each a link, while the call goes on. An order still
 * open to repeat calls has 并入此单: the new order is merged into it once saved.
 */
export function EarlierOrders({ phone, idNumber, mergeTarget, onMergeTarget }: Props) {
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
          {orders.map((order) => {
            const picked = mergeTarget?.id === order.id;
            return (
              <li key={order.id} data-testid="earlier-order" data-id={order.id} className={picked ? 'earlier-order-picked' : undefined}>
                <a href={hrefFor({ name: 'complaint', id: order.id })}>{order.caseNumber ?? order.title}</a>
                {order.caseNumber && <span> {order.title}</span>}
                {' '}<StatusBadge status={order.status} />
                <span className="muted"> {formatDateTime(order.receivedAt)} · {unitName(order.unitId)}</span>
                <span className="muted"> · {order.matchedOn.map((m) => t(m === 'same_phone' ? 'intake.earlier.byPhone' : 'intake.earlier.byId')).join('、')}</span>
                {onMergeTarget && takesRepeatCalls(order.status) && (
                  <button type="button" className={`small ${picked ? 'primary' : 'secondary'} earlier-order-merge`} data-testid="earlier-order-merge" aria-pressed={picked}
                    onClick={() => onMergeTarget(picked ? null : order)}>
                    {t(picked ? 'intake.merge.picked' : 'intake.merge.pick')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
