import { useEffect, useState, type KeyboardEvent } from 'react';
import { api, query } from '../api';
import type { PickableUser } from '../api-types';
import { useI18n } from '../i18n/I18nProvider';

/** Whom a picker offers (`GET /api/users/pickable`): roles, a unit and below, people who see a case kept by a unit. */
export interface UserPickerScope {
  /** One role or several, comma-separated (`caseworker,supervisor`). */
  readonly role?: string;
  readonly unit?: string;
  readonly kind?: string;
  readonly caseUnit?: string;
}

/**
 * 选人: a colleague picked by name, typed ahead — only those the API says the user may choose, each
 * with their unit and role so two of the same name are told apart. The value is the user's id; the
 * user sees names only. ↑/↓ move through the list, Enter picks.
 */
export function UserPicker({ id, value, scope, autoFocus, invalid, onChange }: {
  id: string;
  value: string;
  scope: UserPickerScope;
  autoFocus?: boolean;
  invalid?: boolean;
  onChange(userId: string): void;
}) {
  const { t, tOr } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<PickableUser[] | null>(null);
  const [chosen, setChosen] = useState<PickableUser | null>(null);
  const [active, setActive] = useState(0);
  const { role, unit, kind, caseUnit } = scope;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.get<PickableUser[]>(`/api/users/pickable${query({ role, unit, kind, caseUnit, q: text.trim() || undefined, limit: 20 })}`)
        .then((users) => {
          if (!live) return;
          setFound(users);
          setActive(0);
        })
        .catch(() => live && setFound([]));
    }, text ? 250 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, role, unit, kind, caseUnit]);

  // A value given beforehand (the user themselves) is named once the list has it.
  useEffect(() => {
    if (!value) setChosen(null);
    else if (chosen?.id !== value) setChosen(found?.find((u) => u.id === value) ?? null);
  }, [value, found, chosen]);

  const offered = found ?? [];
  const pick = (user: PickableUser) => {
    setChosen(user);
    onChange(user.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (offered.length > 0) setActive((at) => (at + (event.key === 'ArrowDown' ? 1 : offered.length - 1)) % offered.length);
    } else if (event.key === 'Enter' && offered[active]) {
      event.preventDefault(); // picks; the dialog is sent with its own button
      pick(offered[active]);
    }
  };
  const describe = (user: PickableUser) => `${user.unitName} · ${tOr(`role.${user.role}`, user.role)}`;

  return (
    <div className="case-picker user-picker" data-testid={`${id}-picker`}>
      <input id={id} type="search" role="combobox" aria-expanded={offered.length > 0} aria-controls={`${id}-options`} aria-autocomplete="list"
        aria-activedescendant={offered[active] ? `${id}-option-${active}` : undefined} aria-invalid={invalid || undefined}
        value={text} maxLength={20} placeholder={t('people.typeName')} autoComplete="off" autoFocus={autoFocus}
        data-testid={id} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <p className="user-picker-chosen" data-testid={`${id}-chosen`}>
        {chosen ? <>{t('people.chosen')}<strong>{chosen.displayName}</strong><span className="muted"> · {describe(chosen)}</span></> : <span className="muted">{t('people.noneChosen')}</span>}
      </p>
      {found !== null && offered.length === 0 ? (
        <p className="muted picker-empty" data-testid={`${id}-empty`}>{text.trim() ? t('people.noMatch') : t('people.nobody')}</p>
      ) : (
        <ul className="picker-options" role="listbox" id={`${id}-options`} aria-labelledby={id}>
          {offered.map((user, index) => (
            <li key={user.id} id={`${id}-option-${index}`} role="option" aria-selected={user.id === value} data-testid="user-option" data-name={user.displayName}
              className={[user.id === value && 'selected', index === active && 'active'].filter(Boolean).join(' ') || undefined}
              onMouseDown={(e) => e.preventDefault()} onClick={() => pick(user)}>
              <span className="user-option-name">{user.displayName}</span> <span className="muted">{describe(user)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
