import type { SelectHTMLAttributes } from 'react';
import type { OrgUnit, OrgUnitKind, RefItem } from '../api-types';
import { useI18n } from '../i18n/I18nProvider';
import { unitGroups } from './unit-groups';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  value: string;
  onChange(value: string): void;
  /** The text of the empty first option; leave out to force a choice. */
  emptyLabel?: string;
};

/**
 * A select over reference-data codes, labelled in the current language. Retired items are not
 * offered; one that is the current value stays visible, marked, so the user sees it must change.
 */
export function RefSelect({ items, value, onChange, emptyLabel, ...rest }: SelectProps & { items: RefItem[] }) {
  const { label, t } = useI18n();
  const offered = items.filter((item) => item.active !== false || item.code === value);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {offered.map((item) => (
        <option key={item.code} value={item.code}>
          {item.active === false ? `${label(item)}${t('reference.retiredSuffix')}` : label(item)}
        </option>
      ))}
    </select>
  );
}

const KIND_ORDER: OrgUnitKind[] = ['province', 'city', 'district', 'township', 'mediation_room'];
const KIND_LABEL: Record<OrgUnitKind, [string, string]> = {
  province: ['省总工会', 'Province federation'],
  city: ['市总工会', 'City federations'],
  district: ['区县工会', 'District unions'],
  township: ['乡镇（街道）服务站', 'Township stations'],
  mediation_room: ['诉调对接工作室', 'Mediation rooms'],
};

/**
 * A select over org units, grouped by level — and, under a province, by city (`unitGroups`).
 * `optionValue` picks what is submitted (id or district code).
 */
export function UnitSelect({ units, value, onChange, emptyLabel, kinds = KIND_ORDER, optionValue = (u) => u.id, ...rest }:
  SelectProps & { units: OrgUnit[]; kinds?: OrgUnitKind[]; optionValue?: (unit: OrgUnit) => string }) {
  const { lang } = useI18n();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {unitGroups(units, kinds).map(({ kind, city, units: group }) => {
        const level = KIND_LABEL[kind][lang === 'en' ? 1 : 0];
        return (
          <optgroup key={`${kind}:${city?.id ?? ''}`} label={city ? `${level} · ${city.name}` : level}>
            {group.map((unit) => (
              <option key={unit.id} value={optionValue(unit)}>
                {unit.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
