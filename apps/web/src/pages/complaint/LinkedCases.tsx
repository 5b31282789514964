import type { ComplaintState } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type Route } from '../../router';

interface Link {
  kind: string;
  id: string;
  /** The linked case's number (案件编号), shown instead of its id. */
  caseNumber?: string | null;
  linkedAt?: string;
  /** Set once the linked case concluded: how, in words. */
  outcome?: { outcome?: string; summary?: string } | null;
}

function routeOf(link: Link): Route | null {
  if (link.kind === 'wage_case') return { name: 'wage-case', id: link.id };
  if (link.kind === 'mediation_case') return { name: 'mediation-case', id: link.id };
  if (link.kind === 'hardship_application') return { name: 'hardship-file', id: link.id };
  return null;
}

/** 关联案件: the cases this complaint turned into (a wage case, later mediation or hardship files). */
export function LinkedCases({ complaint }: { complaint: ComplaintState }) {
  const { t, tOr } = useI18n();
  const links = (Array.isArray(complaint.links) ? complaint.links : []) as Link[];
  if (links.length === 0) return null;
  return (
    <div className="card" data-testid="linked-cases">
      <h2>{t('detail.linkedCases')}</h2>
      <ul className="linked-cases">
        {links.map((link) => {
          const route = routeOf(link);
          const label = tOr(`kind.${link.kind}`, link.kind);
          return (
            <li key={`${link.kind}:${link.id}`}>
              {route ? <a href={hrefFor(route)} data-testid={`linked-${link.kind}`}>{label} {link.caseNumber ?? ''}</a> : label}
              {link.linkedAt && <span className="muted"> · {formatDateTime(link.linkedAt)}</span>}
              {link.outcome?.summary && <div className="prewrap" data-testid="linked-outcome">{link.outcome.summary}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
