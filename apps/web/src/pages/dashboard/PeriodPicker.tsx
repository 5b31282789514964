import { Field } from '../../components/Field';
import { UnitSelect } from '../../components/Selects';
import { lastMonth, thisMonth, thisYear } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import type { OrgUnitKind } from '../../api-types';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import { unitsWithin } from '../../components/unit-subtree';
import type { StatsQuery } from './useHotlineStats';

const PRESETS: [MessageKey, () => { from: string; to: string }][] = [
  ['dash.thisMonth', thisMonth],
  ['dash.lastMonth', lastMonth],
  ['dash.thisYear', thisYear],
];

/**
 * The period (Shanghai calendar days, both inclusive) and the unit, with its descendants (`unitKinds`:
 * which levels are offered). The units offered are the user's own and those below it — the figures
 * of no other unit may be read — save for a mediator, whose further rooms the session does not list.
 */
export function PeriodPicker({ value, onChange, unitKinds = ['province', 'city', 'district', 'township'] }: { value: StatsQuery; onChange(value: StatsQuery): void; unitKinds?: OrgUnitKind[] }) {
  const { t } = useI18n();
  const { units: everyUnit } = useReference();
  const user = readSession()?.user;
  const units = user && user.role !== 'mediator' ? unitsWithin(everyUnit, user.orgUnitId) : everyUnit;
  return (
    <div className="filters" data-testid="period-picker">
      <Field id="dash-from" label={t('dash.from')}>
        <input id="dash-from" type="date" value={value.from} max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })} />
      </Field>
      <Field id="dash-to" label={t('dash.to')}>
        <input id="dash-to" type="date" value={value.to} min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })} />
      </Field>
      <Field id="dash-unit" label={t('dash.unit')}>
        <UnitSelect id="dash-unit" units={units} kinds={unitKinds} value={value.unit}
          emptyLabel={t('common.all')} onChange={(unit) => onChange({ ...value, unit })} />
      </Field>
      <div className="presets">
        {PRESETS.map(([key, period]) => {
          const range = period();
          const active = range.from === value.from && range.to === value.to;
          return (
            <button key={key} type="button" className={active ? 'primary' : 'secondary'} aria-pressed={active}
              onClick={() => onChange({ ...value, ...range })}>
              {t(key)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
