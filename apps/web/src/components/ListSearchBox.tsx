import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh';

/**
 * A work list's search box, as the case list's: typing searches once the typist pauses (300 ms), not
 * at every key; Enter searches at once; at most 64 characters (the API's limit for `q`).
 */
export function ListSearchBox({ id, value, hint, onSearch }: { id: string; value: string; hint: MessageKey; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="field search-field">
      <label htmlFor={id}>{t('cases.search')}</label>
      <input id={id} data-testid={id} type="search" value={text} maxLength={64} placeholder={t(hint)} autoComplete="off"
        onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onSearch(text.trim())} />
    </div>
  );
}
