import type { ReactNode } from 'react';
import type { Role, User } from '../api-types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh';
import { mayOpen } from '../roles';
import { hrefFor, type Route } from '../router';
import { brandOf } from './brand';
import { InboxNavBadge } from '../pages/inbox/InboxNavBadge';

/** `roleKeys`: the item's name for a role that sees it differently (a mediator's dashboard holds only the mediation figures). */
const NAV: { route: Route; key: MessageKey; testId: string; roleKeys?: Partial<Record<Role, MessageKey>> }[] = [
  { route: { name: 'inbox' }, key: 'nav.inbox', testId: 'nav-inbox' },
  { route: { name: 'mediator-day' }, key: 'nav.mediatorDay', testId: 'nav-mediator-day' },
  { route: { name: 'cases' }, key: 'nav.cases', testId: 'nav-cases' },
  { route: { name: 'intake' }, key: 'nav.intake', testId: 'nav-intake' },
  { route: { name: 'complaint-import' }, key: 'nav.complaintImport', testId: 'nav-complaint-import' },
  { route: { name: 'wage-open' }, key: 'nav.wageOpen', testId: 'nav-wage-open' },
  { route: { name: 'limitation-watch' }, key: 'nav.limitationWatch', testId: 'nav-limitation-watch' },
  { route: { name: 'person-journey' }, key: 'nav.personJourney', testId: 'nav-person-journey' },
  { route: { name: 'hardship-new' }, key: 'nav.hardshipNew', testId: 'nav-hardship-new' },
  { route: { name: 'hardship-due' }, key: 'nav.hardshipDue', testId: 'nav-hardship-due' },
  { route: { name: 'hardship-import' }, key: 'nav.hardshipImport', testId: 'nav-hardship-import' },
  { route: { name: 'hardship-campaign' }, key: 'nav.hardshipCampaign', testId: 'nav-hardship-campaign' },
  { route: { name: 'mediation-new' }, key: 'nav.mediationNew', testId: 'nav-mediation-new' },
  { route: { name: 'room-calendar' }, key: 'nav.roomCalendar', testId: 'nav-room-calendar' },
  { route: { name: 'dashboard' }, key: 'nav.dashboard', testId: 'nav-dashboard', roleKeys: { mediator: 'nav.mediationDashboard' } },
  { route: { name: 'approvals' }, key: 'nav.approvals', testId: 'nav-approvals' },
  { route: { name: 'notices' }, key: 'nav.notices', testId: 'nav-notices' },
  { route: { name: 'access-log' }, key: 'nav.accessLog', testId: 'nav-access-log' },
  { route: { name: 'account-changes' }, key: 'nav.accountChanges', testId: 'nav-account-changes' },
  { route: { name: 'users' }, key: 'nav.users', testId: 'nav-users' },
  { route: { name: 'units' }, key: 'nav.units', testId: 'nav-units' },
  { route: { name: 'reference' }, key: 'nav.reference', testId: 'nav-reference' },
  { route: { name: 'calendar' }, key: 'nav.calendar', testId: 'nav-calendar' },
  { route: { name: 'poverty-lines' }, key: 'nav.povertyLines', testId: 'nav-poverty-lines' },
  { route: { name: 'parked-events' }, key: 'nav.parked', testId: 'nav-parked' },
];

/** The frame of every screen after login: header with the user and unit, the role's navigation on the left. */
export function Shell({ user, route, onLogout, children }: {
  user: User;
  route: Route;
  onLogout(): void;
  children: ReactNode;
}) {
  const { t, tOr, lang, setLang } = useI18n();
  const current = route.name === 'complaint' || route.name === 'wage-case' || route.name === 'hardship-file' || route.name === 'mediation-case' ? 'cases' : route.name;
  return (
    <div className="shell">
      <header className="header">
        <div className="brand">
          <span className="brand-title" data-testid="brand-title">{t(brandOf(user.role).title)}</span>
          <span className="brand-subtitle" data-testid="brand-subtitle">{t(brandOf(user.role).subtitle)}</span>
        </div>
        <div className="header-user" data-testid="header-user">
          <span className="user-name">{user.displayName}</span>
          <span className="user-meta">
            {tOr(`role.${user.role}`, user.role)} · {user.orgUnitName}
          </span>
        </div>
        <button type="button" className="link-button" data-testid="lang-toggle" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </button>
        <a href={hrefFor({ name: 'account-password' })} className="link-button" data-testid="change-password-link">
          {t('account.menu')}
        </a>
        <button type="button" className="secondary" data-testid="logout" onClick={onLogout}>
          {t('header.logout')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('app.title')}>
        {NAV.filter((item) => item.route.name !== 'home' && mayOpen(user.role, item.route.name)).map((item) => (
          <a
            key={item.testId}
            href={hrefFor(item.route)}
            data-testid={item.testId}
            className={current === item.route.name ? 'active' : undefined}
            aria-current={current === item.route.name ? 'page' : undefined}
          >
            {t(item.roleKeys?.[user.role] ?? item.key)}
            {item.route.name === 'inbox' && <InboxNavBadge routeKey={hrefFor(route)} />}
          </a>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
