/**
 * What every answer must show (issue 15, point 6): never a 5xx; a refusal carries a stable
 * snake_case `code` and a Chinese `message`, and a 400 names the field; a request that is invalid
 * whoever sends it is refused. Findings are folded into one line per endpoint, kind and answer.
 */
import type { FuzzRequest } from './fuzz-request.js';
import type { FuzzAnswer } from './send-requests.js';

export type Rule = 'no-5xx' | 'error-shape' | 'refused' | 'no-event' | 'projections';

export interface Finding {
  readonly rule: Rule;
  readonly request: FuzzRequest;
  readonly status: number;
  readonly code: string;
  /** What was wrong, one line: the answer's message or what it lacked. */
  readonly line: string;
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff]/;

export function codeOf(answer: FuzzAnswer): string {
  const body = answer.body as { code?: unknown } | undefined;
  return typeof body === 'object' && body && typeof body.code === 'string' ? body.code : '-';
}

export function messageOf(answer: FuzzAnswer): string {
  const body = answer.body as { message?: unknown } | undefined;
  if (typeof body === 'object' && body && typeof body.message === 'string') return body.message;
  return typeof answer.body === 'string' ? answer.body : (answer.failure ?? JSON.stringify(answer.body) ?? '');
}

export function judge(request: FuzzRequest, answer: FuzzAnswer): Finding[] {
  const { status } = answer;
  const code = codeOf(answer);
  const found = (rule: Rule, line: string): Finding => ({ rule, request, status, code, line: firstLine(line) });
  if (status === 0) return [found('no-5xx', `no answer: ${answer.failure}`)];
  if (status >= 500) return [found('no-5xx', messageOf(answer))];
  if (status >= 200 && status < 300) return request.mustRefuse ? [found('refused', 'accepted an invalid request')] : [];
  if (status < 400) return [];
  const problems: string[] = [];
  const body = answer.body as { message?: unknown; errors?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) problems.push(`body is not a JSON object: ${String(answer.body).slice(0, 60)}`);
  if (!SNAKE_CASE.test(code)) problems.push(`no stable snake_case code (${code})`);
  const message = typeof body?.message === 'string' ? body.message : '';
  if (!CJK.test(message)) problems.push(`message not in Chinese: ${message.slice(0, 60) || '(none)'}`);
  // A body refused as a whole (not JSON, not an object, too deep) has no field to name.
  if (status === 400 && request.field !== undefined && !namesAField(body?.errors, message, request.field)) problems.push(`400 names no field: ${message.slice(0, 60)}`);
  return problems.length ? [found('error-shape', problems.join('; '))] : [];
}

/** An `errors` list of `{field, rule}`, or the field's name in the message. */
function namesAField(errors: unknown, message: string, field: string | undefined): boolean {
  if (Array.isArray(errors) && errors.length > 0) return errors.every((e) => typeof e?.field === 'string' && e.field !== '' && typeof e?.rule === 'string');
  return field !== undefined && message.includes(field);
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 140 ? `${line.slice(0, 140)}…` : line;
}

/** One line per endpoint, kind of mutation, status, code and problem, with how often and a request number to replay. */
export function keyOf({ rule, request, status, code, line }: Finding): string {
  return `${rule} | ${request.method} ${request.template} | ${request.kind} | ${status} ${code} | ${line}`;
}

export function dedupe(findings: readonly Finding[]): { key: string; count: number; first: Finding }[] {
  const groups = new Map<string, { key: string; count: number; first: Finding }>();
  for (const finding of findings) {
    const key = keyOf(finding);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { key, count: 1, first: finding });
  }
  return [...groups.values()];
}

/** The same problem across endpoints, folded: what to fix once, and on how many endpoints it shows. */
export function summaryOf(findings: readonly Finding[]): string {
  const families = new Map<string, Set<string>>();
  for (const { request, status, code, line } of findings) {
    const family = `${request.kind.replace(/ \d{3,}$/, '')} → ${status} ${code}  ${line.replace(/#\d+/g, '')}`;
    const endpoints = families.get(family) ?? new Set<string>();
    endpoints.add(`${request.method} ${request.template}`);
    families.set(family, endpoints);
  }
  return [...families.entries()]
    .sort((a, b) => b[1].size - a[1].size)
    .map(([family, endpoints]) => `${family}  on ${endpoints.size} endpoint(s), e.g. ${[...endpoints].slice(0, 2).join(', ')}`)
    .join('\n');
}

export function reportOf(findings: readonly Finding[], limit = 400): string {
  const groups = dedupe(findings);
  const lines = groups.slice(0, limit).map(({ first, count }) => {
    const { request: r, status, code, line } = first;
    return `${r.method} ${r.template}  ${r.kind} @${r.target} as ${r.principal} → ${status} ${code}  ${line}  (${count}×, e.g. #${r.n})`;
  });
  if (groups.length > limit) lines.push(`… and ${groups.length - limit} more distinct findings`);
  return lines.join('\n');
}

export function countsByStatus(answers: readonly FuzzAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of answers) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
