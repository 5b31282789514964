import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { readSession } from '../../session';
import { mayAssignCadre } from './file-actions';
import { CADRE_LEVELS, type HardshipFile } from './hardship-types';
import { stepDialogs } from './step-dialogs';
import type { StepSpec } from './step-spec';

/** 帮扶责任人: one cadre at each level (city, district, grassroots); replacing one needs a reason. */
export function CadresCard({ file, onAction }: { file: HardshipFile; onAction(spec: StepSpec): void }) {
  const { t } = useI18n();
  const me = readSession()?.user.id ?? '';
  const may = mayAssignCadre(file);
  return (
    <div className="card" data-testid="hs-cadres">
      <h2>{t('hs.cadres.title')}</h2>
      <dl className="facts facts-4">
        {CADRE_LEVELS.map((level) => {
          const userId = file.cadres[level];
          return (
            <div key={level} data-testid={`cadre-${level}`}>
              <dt>{t(`hs.cadreLevel.${level}`)}</dt>
              <dd>
                <span data-testid={`cadre-${level}-name`}>{userId ? file.people?.[userId]?.displayName ?? personLabel(userId).text : t('hs.cadres.none')}</span>
                {userId && file.people?.[userId]?.unitName && <span className="muted cadre-unit" data-testid={`cadre-${level}-unit`}>{file.people[userId].unitName}</span>}
                {may && (
                  <button type="button" className="link-button" data-testid={`cadre-${level}-assign`} onClick={() => onAction(stepDialogs.cadre(file, level, me))}>
                    {t(userId ? 'hs.cadres.replace' : 'hs.cadres.assign')}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
