import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RefItem } from '../api-types';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'casework.lang';
type Dictionary = Record<MessageKey, string>;

/**
 * Chinese is the console's language and comes with its first script; English is loaded when first
 * chosen (its own chunk), and the Chinese texts show until it has arrived.
 */
const dictionaries: Partial<Record<Lang, Dictionary>> = { zh };

async function loadDictionary(lang: Lang): Promise<Dictionary> {
  dictionaries[lang] ??= lang === 'en' ? (await import('./en')).en : zh;
  return dictionaries[lang];
}

type Params = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A fixed message, with `{name}` placeholders filled from params. */
  t(key: MessageKey, params?: Params): string;
  /** A message whose key is built from data (an event type, a status): the fallback when unknown. */
  tOr(key: string, fallback: string): string;
  /** The label of a reference-data item in the current language. */
  label(item: RefItem | undefined, fallback?: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [dict, setDict] = useState<Dictionary>(() => dictionaries[lang] ?? zh);

  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  useEffect(() => {
    let live = true;
    void loadDictionary(lang).then((loaded) => {
      if (!live) return;
      setDict(() => loaded);
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    });
    return () => {
      live = false;
    };
  }, [lang]);

  const value = useMemo<I18n>(() => {
    return {
      lang,
      setLang,
      t: (key, params) => fill(dict[key], params),
      tOr: (key, fallback) => (key in dict ? dict[key as MessageKey] : fallback),
      label: (item, fallback = '—') => (item ? (lang === 'en' && item.labelEn ? item.labelEn : item.label) : fallback),
    };
  }, [lang, dict, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
