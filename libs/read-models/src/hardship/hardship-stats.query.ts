import type { DataSource } from 'typeorm';
import { talliesAnswer } from '../standing-checkpoint.js';
import { HARDSHIP_FIGURES } from './hardship-figures.projection.js';
import { fromTallies } from './hardship-stats.tallies.js';
import { fromVersions } from './hardship-stats.versions.js';
import type { Assembled, HardshipStatsQuery } from './hardship-stats.inputs.js';

export type { AidRow, Assembled, FactRow, HardshipStatsQuery, VisitFigureRow } from './hardship-stats.inputs.js';

type Counts = { registered: number; active: number; lifted: number; relieved: number; cancelled: number };

/** The hardship figures; each is defined in docs/figures.md "Hardship files". */
export interface HardshipStats {
  /** Files registered in the period, and registered up to its last day (cumulative). */
  readonly registered: { readonly inPeriod: number; readonly cumulative: number };
  /** 在档: registered and not ended (or relapsed since), on the period's last day. */
  readonly activeAtEnd: number;
  /** Files that ended so in the period. */
  readonly lifted: number;
  readonly relieved: number;
  readonly cancelled: number;
  /** 返困 in the period: households (distinct files) and reopenings (each one). */
  readonly relapses: { readonly households: number; readonly reopenings: number };
  /** The cohort registered in the period, where each file stands on the period's last day: (lifted + relieved) ÷ (lifted + relieved + active). */
  readonly cohort: { readonly files: number; readonly lifted: number; readonly relieved: number; readonly active: number; readonly cancelled: number; readonly resolutionRate: number | null };
  /** Files registered in the period (at the level given at registration) and files active at its end (at their level then), by level and by cause. */
  readonly byLevel: readonly { readonly level: string; readonly registered: number; readonly active: number }[];
  readonly byCause: readonly { readonly cause: string; readonly registered: number; readonly active: number }[];
  /** Per unit keeping the files: registered there in the period, active there at its end, ended there in the period. */
  readonly byUnit: readonly ({ readonly unitId: string } & Counts)[];
  /** Per calendar year of the period: registrations, endings, relapses (reopenings and households), aid and visits. */
  readonly byYear: readonly HardshipYear[];
  /** Aid delivered in the period, by type: amount (fen), households (户), deliveries (户次), persons reached (人次) and distinct persons (人). */
  readonly aid: readonly { readonly type: string; readonly amount: number; readonly households: number; readonly deliveries: number; readonly personsReached: number; readonly distinctPersons: number }[];
  /** Home visits (走访) dated in the period and the households visited, in all and by kind (verification, family, follow_up). */
  readonly visits: { readonly visits: number; readonly households: number; readonly byKind: readonly { readonly kind: string; readonly visits: number; readonly households: number }[] };
}

export interface HardshipYear {
  readonly year: number;
  readonly registered: number;
  readonly lifted: number;
  readonly relieved: number;
  readonly cancelled: number;
  /** Reopenings; `relapseHouseholds` the distinct files reopened that year. */
  readonly relapses: number;
  readonly relapseHouseholds: number;
  readonly aidAmount: number;
  readonly aidHouseholds: number;
  readonly aidDeliveries: number;
  readonly aidPersonsReached: number;
  readonly aidDistinctPersons: number;
  readonly visits: number;
  readonly visitedHouseholds: number;
}

/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const HARDSHIP_STATS_PROJECTIONS: readonly string[] = [HARDSHIP_FIGURES.name];

/**
 * The hardship figures of DOMAIN.md (docs/figures.md "Hardship files"). When the read model holds
 * nothing recorded after `asOf` and its tables are of this code's shape (talliesAnswer), they are read from the running tallies (`fileTallies`), in time that
 * does not grow with the number of files; otherwise (or asked `fromVersions`) from the timeline
 * versions standing at `asOf`, each file's dated facts, its deliveries and visits. Both paths answer the same.
 */
export async function queryHardshipStats(dataSource: DataSource, query: HardshipStatsQuery, options: { fromVersions?: boolean } = {}): Promise<HardshipStats> {
  const current = !options.fromVersions && (await talliesAnswer(dataSource, HARDSHIP_FIGURES, query.asOf));
  return present(current ? await fromTallies(dataSource, query) : await fromVersions(dataSource, query));
}

const EMPTY_YEAR: Omit<HardshipYear, 'year'> = {
  registered: 0, lifted: 0, relieved: 0, cancelled: 0, relapses: 0, relapseHouseholds: 0,
  aidAmount: 0, aidHouseholds: 0, aidDeliveries: 0, aidPersonsReached: 0, aidDistinctPersons: 0, visits: 0, visitedHouseholds: 0,
};

function present({ counts, breakdowns, facts, aid, visits }: Assembled): HardshipStats {
  const years = new Map<number, HardshipYear>();
  const setYear = (y: number, values: Partial<HardshipYear>) => years.set(y, { ...(years.get(y) ?? { year: y, ...EMPTY_YEAR }), ...values });
  for (const [y, n] of counts.registeredByYear) if (n !== 0) setYear(y, { registered: n });
  for (const f of facts.filter((row) => row.unit_id === null && row.year !== null && row.n !== 0)) {
    setYear(f.year!, f.fact === 'relapsed' ? { relapses: f.n, relapseHouseholds: f.files } : { [f.fact]: f.files });
  }
  for (const a of aid.filter((row) => row.type === null && row.deliveries !== 0)) {
    setYear(a.year!, { aidAmount: a.amount, aidHouseholds: a.households, aidDeliveries: a.deliveries, aidPersonsReached: a.personsReached, aidDistinctPersons: a.distinctPersons });
  }
  for (const v of visits.filter((row) => row.kind === null && row.year !== null && row.visits !== 0)) setYear(v.year!, { visits: v.visits, visitedHouseholds: v.households });
  const units = new Map<string, { unitId: string } & Counts>();
  const unit = (id: string) => units.get(id) ?? units.set(id, { unitId: id, registered: 0, active: 0, lifted: 0, relieved: 0, cancelled: 0 }).get(id)!;
  for (const b of breakdowns.filter((row) => row.dimension === 'unit' && (row.registered !== 0 || row.active !== 0))) Object.assign(unit(b.key), { registered: b.registered, active: b.active });
  for (const f of facts.filter((row) => row.unit_id !== null && row.fact !== 'relapsed' && row.files !== 0)) unit(f.unit_id!)[f.fact as 'lifted'] = f.files;
  const overall = (fact: string) => facts.find((f) => f.fact === fact && f.unit_id === null && f.year === null);
  const allVisits = visits.find((v) => v.kind === null && v.year === null);
  const { cohort } = counts;
  const resolved = cohort.lifted + cohort.relieved;
  const nonZero = (b: { registered: number; active: number }) => b.registered !== 0 || b.active !== 0;
  return {
    registered: { inPeriod: counts.registered, cumulative: counts.cumulative },
    activeAtEnd: counts.active,
    lifted: overall('lifted')?.files ?? 0,
    relieved: overall('relieved')?.files ?? 0,
    cancelled: overall('cancelled')?.files ?? 0,
    relapses: { households: overall('relapsed')?.files ?? 0, reopenings: overall('relapsed')?.n ?? 0 },
    cohort: { ...cohort, resolutionRate: resolved + cohort.active === 0 ? null : resolved / (resolved + cohort.active) },
    byLevel: breakdowns.filter((b) => b.dimension === 'level' && nonZero(b)).map((b) => ({ level: b.key, registered: b.registered, active: b.active })),
    byCause: breakdowns.filter((b) => b.dimension === 'cause' && nonZero(b)).map((b) => ({ cause: b.key, registered: b.registered, active: b.active })),
    byUnit: [...units.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    aid: aid.filter((row) => row.year === null && row.deliveries !== 0)
      .map((row) => ({ type: row.type!, amount: row.amount, households: row.households, deliveries: row.deliveries, personsReached: row.personsReached, distinctPersons: row.distinctPersons }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    visits: {
      visits: allVisits?.visits ?? 0,
      households: allVisits?.households ?? 0,
      byKind: visits.filter((v) => v.kind !== null && v.year === null && v.visits !== 0).map((v) => ({ kind: v.kind!, visits: v.visits, households: v.households })).sort((a, b) => a.kind.localeCompare(b.kind)),
    },
  };
}
