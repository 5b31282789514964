import { useMemo, useState } from 'react';
import type { OrgUnit } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { childKinds, childrenByParent, rootsOf } from './unit-tree';

interface TreeProps {
  units: OrgUnit[];
  onAdd(parent: OrgUnit): void;
  onRename(unit: OrgUnit): void;
}

/** The org tree, city first; a level opens with its ▸ button. The city is open from the start. */
export function UnitTree({ units, onAdd, onRename }: TreeProps) {
  const tree = useMemo(() => childrenByParent(units), [units]);
  const roots = useMemo(() => rootsOf(units), [units]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(roots.map((u) => u.id)));
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <ul className="unit-tree" data-testid="unit-tree" role="tree">
      {roots.map((unit) => (
        <UnitNode key={unit.id} unit={unit} tree={tree} open={open} toggle={toggle} onAdd={onAdd} onRename={onRename} />
      ))}
    </ul>
  );
}

function UnitNode({ unit, tree, open, toggle, onAdd, onRename }: Omit<TreeProps, 'units'> & {
  unit: OrgUnit;
  tree: Map<string | null, OrgUnit[]>;
  open: Set<string>;
  toggle(id: string): void;
}) {
  const { t, tOr } = useI18n();
  const kids = tree.get(unit.id) ?? [];
  const expanded = open.has(unit.id);
  return (
    <li role="treeitem" aria-expanded={kids.length > 0 ? expanded : undefined}>
      <div className="unit-row" data-testid="unit-row" data-unit-id={unit.id}>
        {kids.length > 0 ? (
          <button type="button" className="tree-toggle" data-testid="unit-toggle" aria-label={t(expanded ? 'units.collapse' : 'units.expand')}
            onClick={() => toggle(unit.id)}>
            {expanded ? '▾' : '▸'}
          </button>
        ) : <span className="tree-toggle" />}
        <span className="unit-name" data-testid="unit-name">{unit.name}</span>
        <span className="mono muted">{unit.code}</span>
        <span className={`badge badge-kind kind-${unit.kind}`}>{tOr(`unitKind.${unit.kind}`, unit.kind)}</span>
        {kids.length > 0 && <span className="muted">{t('units.children', { n: kids.length })}</span>}
        <span className="unit-actions">
          {childKinds(unit).length > 0 && (
            <button type="button" className="link-button" data-testid="unit-add" onClick={() => onAdd(unit)}>{t('units.add')}</button>
          )}
          <button type="button" className="link-button" data-testid="unit-rename" onClick={() => onRename(unit)}>{t('units.rename')}</button>
        </span>
      </div>
      {expanded && kids.length > 0 && (
        <ul role="group">
          {kids.map((kid) => (
            <UnitNode key={kid.id} unit={kid} tree={tree} open={open} toggle={toggle} onAdd={onAdd} onRename={onRename} />
          ))}
        </ul>
      )}
    </li>
  );
}
