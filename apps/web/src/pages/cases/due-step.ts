import type { I18n } from '../../i18n/I18nProvider';

/**
 * What a case's next due date is for, in words: a hotline step (`sign_for` → 签收时限), a referral's
 * acceptance or conclusion (`referral_accept:labour_inspection` → 劳动监察受理期限), or a worker's
 * limitation date (`arbitration_limitation` → 仲裁时效届满).
 */
export function dueStepLabel(step: string, { t, tOr }: Pick<I18n, 't' | 'tOr'>): string {
  const [kind, target] = step.split(':');
  if (target && (kind === 'referral_accept' || kind === 'referral_conclude')) {
    return t(kind === 'referral_accept' ? 'wage.due.accept' : 'wage.due.conclude', { target: tOr(`wage.target.${target}`, target) });
  }
  return tOr(`wage.due.${step}`, tOr(`deadline.${step}`, step));
}
