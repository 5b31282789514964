import type { Role } from '../api-types';
import { useI18n } from '../i18n/I18nProvider';
import { homeRoute } from '../roles';
import { hrefFor } from '../router';

/** A screen the role does not have (an administrator opening a case link, a mediator a complaint). */
export function NotAllowedPage({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="page-not-allowed">
      <div className="card page-message">
        <h2>{t('notAllowed.title')}</h2>
        <p>{t(role === 'admin' ? 'notAllowed.admin' : 'notAllowed.other')}</p>
        <a href={hrefFor(homeRoute(role))}>{t('notAllowed.home')}</a>
      </div>
    </section>
  );
}
