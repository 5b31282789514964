import { caseNumberSeries, formatCaseNumber, shanghaiYearOf, type NumberedCaseKind } from './case-number.js';

/** Hands out the next sequence number of a series, once (the counter is durable: not a read model). */
export interface CaseNumberCounter {
  next(series: string): Promise<number>;
  /** `count` numbers in a row for an import: the first of them (the others follow it). */
  reserve(series: string, count: number): Promise<number>;
}

/** What a command handler asks for when it creates a case. */
export interface NewCase {
  readonly kind: NumberedCaseKind;
  /** When the case is created: its number's year (Asia/Shanghai). */
  readonly at: Date;
  /** The district a hardship file is numbered in (the registering unit's district). */
  readonly districtId?: string;
}

/** Gives each new case its readable number (see case-number.ts). */
export class CaseNumbers {
  constructor(private readonly counter: CaseNumberCounter) {}

  async numberFor(newCase: NewCase): Promise<string> {
    const series = caseNumberSeries(newCase.kind, shanghaiYearOf(newCase.at), newCase.districtId);
    return formatCaseNumber(series, await this.counter.next(series));
  }

  /** Numbers for many cases created together (an import), in the order given; one counter update per series. */
  async numbersFor(newCases: readonly NewCase[]): Promise<string[]> {
    const seriesOf = newCases.map((c) => caseNumberSeries(c.kind, shanghaiYearOf(c.at), c.districtId));
    const counts = new Map<string, number>();
    for (const series of seriesOf) counts.set(series, (counts.get(series) ?? 0) + 1);
    const nextOf = new Map<string, number>();
    for (const [series, count] of counts) nextOf.set(series, await this.counter.reserve(series, count));
    return seriesOf.map((series) => {
      const sequence = nextOf.get(series)!;
      nextOf.set(series, sequence + 1);
      return formatCaseNumber(series, sequence);
    });
  }
}

/** Counters in memory: for unit tests and tools without a database. */
export class InMemoryCaseNumberCounter implements CaseNumberCounter {
  private readonly last = new Map<string, number>();

  async next(series: string): Promise<number> {
    return this.reserve(series, 1);
  }

  async reserve(series: string, count: number): Promise<number> {
    const first = (this.last.get(series) ?? 0) + 1;
    this.last.set(series, first + count - 1);
    return first;
  }
}
