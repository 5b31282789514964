import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OrgUnits, Users } from '#identity';
import {
  HARDSHIP_STATS_PROJECTIONS, HOTLINE_STATS_PROJECTIONS, MEDIATION_STATS_PROJECTIONS, WAGE_STATS_PROJECTIONS,
  queryHardshipStats, queryHotlineStats, queryMediationStats, queryWageStats,
} from '#read-models';
import { parkedTotal } from '#projections';
import type { CaseKind } from '#access-control';
import { ValidationError, type FieldViolation } from '#errors';
import { DATA_SOURCE, ORG_UNITS, REFERENCE_ITEMS, USERS } from '#service-tokens';
import type { ReferenceItems } from '../reference/reference-items.store.js';
import type { StatsQueryDto } from './stats.query.dto.js';
import { CaseAccess } from '../auth/case-access.js';
import type { AuthenticatedUser } from '../auth/current-user.js';

function shanghaiDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
}

/**
 * The published figures (docs/figures.md) as a user may ask for them: period, unit and as-of checked,
 * the queries run — for the figures' endpoints and their report workbooks alike.
 */
@Injectable()
export class Figures {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    private readonly access: CaseAccess,
    @Inject(REFERENCE_ITEMS) private readonly reference: ReferenceItems,
    @Inject(USERS) private readonly users: Users,
  ) {}

  /** The hotline figures of DOMAIN.md; the period defaults to this month so far. */
  async hotline(query: StatsQueryDto, now: Date, user: AuthenticatedUser) {
    const { from, to, unit, unitIds, asOf } = this.scopeOf(query, now, user, 'complaint');
    const stats = await queryHotlineStats(this.dataSource, { from, to, unitIds, asOf, unitName: (id) => this.orgUnits.find(id)?.name ?? id });
    return { from, to, unit, asOf: asOf.toISOString(), ...(await this.completeness(HOTLINE_STATS_PROJECTIONS)), ...stats, received: this.labelledAsNow(stats.received) };
  }

  /** The wage-recovery figures of DOMAIN.md (docs/figures.md); the period defaults to this month so far. */
  async wage(query: StatsQueryDto, now: Date, user: AuthenticatedUser) {
    const { from, to, unit, unitIds, asOf } = this.scopeOf(query, now, user, 'wage_case');
    const stats = await queryWageStats(this.dataSource, { from, to, unitIds, asOf });
    return { from, to, unit, asOf: asOf.toISOString(), ...(await this.completeness(WAGE_STATS_PROJECTIONS)), ...stats };
  }

  /** The hardship figures of DOMAIN.md (docs/figures.md); the period defaults to this month so far. */
  async hardship(query: StatsQueryDto, now: Date, user: AuthenticatedUser) {
    const { from, to, unit, unitIds, asOf } = this.scopeOf(query, now, user, 'hardship_file');
    return { from, to, unit, asOf: asOf.toISOString(), ...(await this.completeness(HARDSHIP_STATS_PROJECTIONS)), ...(await queryHardshipStats(this.dataSource, { from, to, unitIds, asOf })) };
  }

  /**
   * The mediation figures of DOMAIN.md (docs/figures.md "Mediation"): referrals, acceptances,
   * agreements, failures, success rate, amounts agreed and paid, duration and on time, judicial
   * confirmations; by court, room, mediator and month. The unit's rooms (a room, or a union with rooms
   * below it); the period defaults to this month so far.
   */
  async mediation(query: StatsQueryDto, now: Date, user: AuthenticatedUser) {
    const { from, to, unit, unitIds, asOf } = this.scopeOf(query, now, user, 'mediation_case');
    const roomIds = (unitIds ?? this.orgUnits.subtree(this.orgUnits.root().id)).filter((id) => this.orgUnits.find(id)?.kind === 'mediation_room');
    const stats = await queryMediationStats(this.dataSource, { from, to, roomIds, asOf });
    const roomName = (id: string) => this.orgUnits.find(id)?.name ?? id;
    const names = await this.users.displayNames(stats.byMediator.map((m) => m.mediatorId));
    return {
      from, to, unit, asOf: asOf.toISOString(), ...(await this.completeness(MEDIATION_STATS_PROJECTIONS)), ...stats,
      byRoom: stats.byRoom.map((r) => ({ ...r, roomName: roomName(r.roomId) })),
      byMediator: stats.byMediator.map((m) => ({ ...m, mediatorName: names.get(m.mediatorId) ?? null })),
    };
  }

  /**
   * Whether the figures lack events their projections parked (docs/figures.md, "Incomplete figures"):
   * `incomplete: true` and how many, so nobody reports a wrong number unknowingly.
   */
  private async completeness(projections: readonly string[]): Promise<{ incomplete: boolean; parkedEvents: number }> {
    const parkedEvents = await parkedTotal(this.dataSource, projections);
    return { incomplete: parkedEvents > 0, parkedEvents };
  }

  /** The period (Shanghai days), the unit with its subtree (the user's own unit by default) and the "as of" instant, checked. */
  private scopeOf(query: StatsQueryDto, now: Date, user: AuthenticatedUser, kind: CaseKind) {
    const today = shanghaiDay(now);
    const from = query.from ?? `${today.slice(0, 8)}01`;
    const to = query.to ?? today;
    const violations: FieldViolation[] = [];
    if (Number.isNaN(Date.parse(from))) violations.push({ field: 'from', rule: 'date', message: `起始日期 ${from} 不是有效日期` });
    if (Number.isNaN(Date.parse(to))) violations.push({ field: 'to', rule: 'date', message: `截止日期 ${to} 不是有效日期` });
    if (violations.length === 0 && from > to) violations.push({ field: 'from', rule: 'before_to', message: '起始日期不能晚于截止日期' });
    if (query.unit && !this.orgUnits.find(query.unit)) violations.push({ field: 'unit', rule: 'exists', message: `单位 ${query.unit} 不存在` });
    if (violations.length > 0) throw new ValidationError(violations);
    // Without a unit, the figures are those of the user's own unit and everything below it.
    const unit = query.unit ?? user.orgUnitId;
    this.access.assertMayReadFigures(user, kind, unit);
    // "As of" is on the axis of recording, which is the database's clock, not the request's clock that
    // dates the facts (tests move the latter): without one, everything recorded so far counts.
    const asOf = query.asOf ? new Date(query.asOf) : new Date();
    // The root's figures (the city's, or the province's with every city) are everything: no filter by unit.
    return { from, to, unit, unitIds: unit === this.orgUnits.root().id ? undefined : this.orgUnits.subtree(unit), asOf };
  }

  /** Categories and channels under the labels administrators gave them (retired ones included: old orders count). */
  private labelledAsNow<Received extends { byCategory: Breakdown[]; byChannel: Breakdown[] }>(received: Received): Received {
    const data = this.reference.current();
    const relabel = (rows: Breakdown[], items: readonly { code: string; label: string }[]) =>
      rows.map((row) => ({ ...row, label: items.find((item) => item.code === row.code)?.label ?? row.label }));
    return { ...received, byCategory: relabel(received.byCategory, data.categories), byChannel: relabel(received.byChannel, data.channels) };
  }
}

type Breakdown = { code: string; label: string; count: number };
