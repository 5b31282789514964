import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { SupervisorNotices } from '#audit';
import { TooManyAttemptsError } from '#errors';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE } from '#service-tokens';
import { requestTime } from '../http/command-meta.decorator.js';

/** Reveals of personal data (and 人员轨迹 look-ups) one user may make in the window. */
export const REVEAL_LIMIT = { count: 30, windowMinutes: 10 } as const;

/** The routes that show personal data in full: every `…/reveal` and the person-journey look-up. */
export function isRevealRoute(method: string, routePath: string | undefined): boolean {
  return method === 'POST' && !!routePath && (/\/reveal$/.test(routePath) || routePath === '/api/people/journey');
}

/**
 * A limit on how often one user sees personal data in full (issue 17: one user revealed the same ID
 * number 100 times in 1.7 s). Counted from the access log, which records every reveal and look-up
 * before it is answered, so it holds across processes. Over the limit: `429 reveal_limit`, and the
 * supervisors of the user's unit are told (one notice per user a day).
 */
@Injectable()
export class RevealLimitInterceptor implements NestInterceptor {
  private readonly notices: SupervisorNotices;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    this.notices = new SupervisorNotices(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest();
    const user: AuthenticatedUser | undefined = request.user;
    if (!user || !isRevealRoute(request.method, request.route?.path)) return next.handle();
    return from(this.check(user, requestTime(request))).pipe(mergeMap(() => next.handle()));
  }

  private async check(user: AuthenticatedUser, now: Date): Promise<void> {
    const since = new Date(now.getTime() - REVEAL_LIMIT.windowMinutes * 60_000);
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM access_log
        WHERE user_id = $1 AND at > $2 AND (action = 'reveal' OR (action = 'view' AND case_kind = 'person'))`,
      [user.userId, since],
    );
    if (n < REVEAL_LIMIT.count) return;
    await this.notices.send({
      unitId: user.orgUnitId,
      kind: 'reveal_limit_reached',
      title: '查看个人信息次数超限',
      body: `用户 ${user.username} 在 ${REVEAL_LIMIT.windowMinutes} 分钟内查看完整个人信息（含人员轨迹查询）已达 ${REVEAL_LIMIT.count} 次，系统已暂停其查看，请核实是否确有工作需要。`,
      at: now,
      dedupeKey: `reveal_limit:${user.userId}:${now.toISOString().slice(0, 10)}`,
    });
    throw new TooManyAttemptsError(REVEAL_LIMIT.windowMinutes * 60, 'reveal_limit', `${REVEAL_LIMIT.windowMinutes} 分钟内查看完整个人信息的次数已达上限（${REVEAL_LIMIT.count} 次），请稍后再试；督导已收到通知`);
  }
}
