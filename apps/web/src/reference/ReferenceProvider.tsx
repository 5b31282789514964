import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import type { HotlineReference, OrgUnit, RefItem } from '../api-types';
import { useI18n } from '../i18n/I18nProvider';
import { HOTLINE_REFERENCE_PATH, ORG_UNITS_PATH } from './paths';

/**
 * Codes and org units, loaded once per login: every screen reads labels from here. The hotline lists
 * include retired items (`active: false`) so old cases keep their labels; selects leave them out.
 */
export interface Reference {
  hotline: HotlineReference;
  units: OrgUnit[];
  unitName(id: string | null | undefined): string;
  /** Loads the org units again (after the administrator added or renamed one). */
  reloadUnits(): Promise<void>;
  /** Loads the hotline lists again (after the administrator changed one). */
  reloadHotline(): Promise<void>;
}

const ReferenceContext = createContext<Reference | null>(null);

/** Whether new input may use the item (not retired by an administrator). */
export function isActive(item: RefItem): boolean {
  return item.active !== false;
}

export function findItem(items: RefItem[] | undefined, code: string | null | undefined): RefItem | undefined {
  return code ? items?.find((item) => item.code === code) : undefined;
}

interface RawItem extends RefItem {
  subcategories?: RefItem[];
}
type RawHotlineReference = Omit<Partial<HotlineReference>, 'categories'> & {
  categories: RawItem[];
  resolutionOutcomes?: RefItem[];
  satisfactionLevels?: RefItem[];
};

/**
 * The API names the lists `resolutionOutcomes`, `satisfactionLevels` and a category's `subcategories`
 * (docs/api.md); the console calls them `outcomes`, `satisfaction` and `children`. Either is read.
 */
function normalizeHotline(raw: RawHotlineReference): HotlineReference {
  return {
    channels: raw.channels ?? [],
    categories: raw.categories.map((c) => ({ ...c, children: c.children ?? c.subcategories ?? [] })),
    types: raw.types ?? [],
    urgencies: raw.urgencies ?? [],
    outcomes: raw.outcomes ?? raw.resolutionOutcomes ?? [],
    satisfaction: raw.satisfaction ?? raw.satisfactionLevels ?? [],
    returnReasons: raw.returnReasons ?? [],
    contactMethods: raw.contactMethods,
  };
}

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<{ hotline: HotlineReference; units: OrgUnit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api.get<RawHotlineReference>(HOTLINE_REFERENCE_PATH), api.get<OrgUnit[]>(ORG_UNITS_PATH)])
      .then(([hotline, units]) => live && setLoaded({ hotline: normalizeHotline(hotline), units }))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : t('common.networkError')));
    return () => {
      live = false;
    };
  }, [attempt, t]);

  const reloadUnits = useCallback(async () => {
    const units = await api.get<OrgUnit[]>(ORG_UNITS_PATH);
    setLoaded((current) => (current ? { ...current, units } : current));
  }, []);

  const reloadHotline = useCallback(async () => {
    const hotline = normalizeHotline(await api.get<RawHotlineReference>(HOTLINE_REFERENCE_PATH));
    setLoaded((current) => (current ? { ...current, hotline } : current));
  }, []);

  const value = useMemo<Reference | null>(() => {
    if (!loaded) return null;
    const byId = new Map(loaded.units.map((unit) => [unit.id, unit.name]));
    return { ...loaded, unitName: (id) => (id ? (byId.get(id) ?? id) : '—'), reloadUnits, reloadHotline };
  }, [loaded, reloadUnits, reloadHotline]);

  if (error) {
    return (
      <div className="page-message" role="alert">
        <p>{error}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!value) return <div className="page-message">{t('common.loading')}</div>;
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReference outside ReferenceProvider');
  return value;
}
