import { useEffect, useState } from 'react';
import { api, query } from '../api';
import type { CaseListItem, Page } from '../api-types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';

/** A case offered in a picker: its number and title, never its id. */
export interface PickableCase {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly openedAt?: string;
}

/**
 * 选择案件: pick a case from a list — the candidates the system already knows (an earlier order the
 * repeat-call check found) first, else any case of `kind` found by number, caller, phone or employer
 * as typed (the case list's search). The value is the case's id; the user sees numbers and titles.
 */
export function CasePicker({ id, kind, value, candidates = [], exclude, onChange }: {
  id: string;
  kind: string;
  value: string;
  candidates?: readonly PickableCase[];
  /** A case never offered (the case itself). */
  exclude?: string;
  onChange(caseId: string): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<PickableCase[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      api.get<Page<CaseListItem>>(`/api/cases${query({ kind, q, pageSize: 10 })}`)
        .then((page) => live && setFound(page.items.map(({ id: caseId, caseNumber, title, openedAt }) => ({ id: caseId, caseNumber, title, openedAt }))))
        .catch(() => live && setFound([]));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, kind]);
  const offered = [...candidates, ...found.filter((c) => !candidates.some((k) => k.id === c.id))].filter((c) => c.id !== exclude);
  return (
    <div className="case-picker" data-testid={`${id}-picker`}>
      <input id={id} type="search" value={text} maxLength={64} placeholder={t('picker.caseHint')} autoComplete="off"
        data-testid={`${id}-search`} onChange={(e) => setText(e.target.value)} />
      {offered.length === 0 ? (
        <p className="muted picker-empty">{text.trim().length >= 2 ? t('picker.noCase') : t('picker.typeToFind')}</p>
      ) : (
        <ul className="picker-options" role="listbox" aria-labelledby={id}>
          {offered.map((c) => (
            <li key={c.id} role="option" aria-selected={c.id === value} data-testid="picker-option" data-case-number={c.caseNumber ?? ''}
              className={c.id === value ? 'selected' : undefined} onClick={() => onChange(c.id)}>
              <span className="case-number">{c.caseNumber ?? '—'}</span> <span>{c.title}</span>
              {c.openedAt && <span className="muted"> · {formatDateTime(c.openedAt)}</span>}
              {candidates.some((k) => k.id === c.id) && <span className="badge"> {t('picker.suggested')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
