import { StatusBadge } from '../../components/Badges';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import type { IntakeOutcome } from './intake-merge';

/**
 * The call saved with 并入此单: the new order's number and status, and whether it went into the
 * earlier order — or the merge rules' reason why not (the new order stays saved either way).
 */
export function IntakeDone({ outcome, onNext }: { outcome: IntakeOutcome; onNext: () => void }) {
  const { t } = useI18n();
  const { target } = outcome;
  const number = outcome.caseNumber ?? '';
  const targetNumber = target?.caseNumber ?? target?.title ?? '';
  return (
    <div className="card intake-done" data-testid="intake-done" data-merged={outcome.merged}>
      <p data-testid="intake-done-message">
        {outcome.merged ? t('intake.merge.done', { number, target: targetNumber }) : t('intake.merge.savedNotMerged', { number, target: targetNumber })}
      </p>
      {outcome.refusal && <p className="cell-error" role="alert" data-testid="intake-done-refusal">{outcome.refusal}</p>}
      <p>
        <a href={hrefFor({ name: 'complaint', id: outcome.id })} data-testid="intake-done-order">{number || t('intake.merge.newOrder')}</a>
        {' '}<StatusBadge status={outcome.status} />
        {target && <> → <a href={hrefFor({ name: 'complaint', id: target.id })} data-testid="intake-done-target">{targetNumber}</a></>}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" data-testid="intake-next" onClick={onNext}>{t('intake.merge.next')}</button>
      </div>
    </div>
  );
}
