import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { requestTime } from '../http/command-meta.decorator.js';
import { AccessLog } from './access-log.js';

/** The routes that open a case's contents (by Express route pattern) and the kind of case they open. */
const CASE_VIEWS: Readonly<Record<string, string>> = {
  '/api/complaints/:id': 'complaint',
  '/api/complaints/:id/history': 'complaint',
  '/api/complaints/:id/as-of': 'complaint',
  '/api/complaints/:id/diff': 'complaint',
  '/api/wage-cases/:id': 'wage_case',
  '/api/wage-cases/:id/history': 'wage_case',
  '/api/wage-cases/:id/ledger': 'wage_case',
  '/api/wage-cases/:id/ledger.xlsx': 'wage_case',
  // The audit of the other kinds (issue 18.8): a past state is the case's contents too.
  '/api/wage-cases/:id/as-of': 'wage_case',
  '/api/wage-cases/:id/diff': 'wage_case',
  '/api/hardship-files/:id/as-of': 'hardship_file',
  '/api/hardship-files/:id/diff': 'hardship_file',
  '/api/mediation-cases/:id/as-of': 'mediation_case',
  '/api/mediation-cases/:id/diff': 'mediation_case',
};

/**
 * Records a `view` for every successful read of a case (a failed one showed nothing). One insert,
 * awaited so the entry exists when the answer leaves; a failing insert is reported, not thrown.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(private readonly accessLog: AccessLog) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest();
    const caseKind = request.method === 'GET' ? CASE_VIEWS[request.route?.path as string] : undefined;
    const user: AuthenticatedUser | undefined = request.user;
    if (!caseKind || !user) return next.handle();
    const caseId = String(request.params?.id ?? '').toLowerCase();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.accessLog.recordOrReport({ at: requestTime(request), user, action: 'view', caseKind, caseId });
        return body;
      }),
    );
  }
}
