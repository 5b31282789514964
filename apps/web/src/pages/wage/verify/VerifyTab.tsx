import { useRef, useState, type KeyboardEvent } from 'react';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { fenToYuanInput, parseYuan } from '../../../yuan';
import { caseDialogs, type DialogSpec } from '../command-dialogs';
import { useCommandRunner } from '../useCommandRunner';
import { BulkBasis } from './BulkBasis';
import './verify.css';
import { wageCasePath } from '../useWageCase';
import type { Claimant, WageCase } from '../wage-types';

interface Entry {
  verified: string;
  basis: string;
}

/**
 * 核实: the amount the union verified for each worker, with its basis (考勤卡, 欠条 …). Correcting an
 * amount verified before needs a reason; the API records the one it replaces.
 */
export function VerifyTab({ kase, onAction, onSaved, onConflict }: {
  kase: WageCase;
  onAction(spec: DialogSpec): void;
  onSaved(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const active = kase.claimants.filter((c) => !c.withdrawn);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const runner = useCommandRunner(onConflict);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const allowed = (action: string) => kase.allowedActions.includes(action);
  const editable = allowed('verify');

  const entry = (id: string): Entry => entries[id] ?? { verified: '', basis: '' };
  const set = (id: string, patch: Partial<Entry>) => setEntries((current) => ({ ...current, [id]: { ...entry(id), ...patch } }));
  const corrects = (c: Claimant) => {
    const fen = parseYuan(entry(c.claimantId).verified);
    return c.verified !== null && fen !== null && fen !== c.verified;
  };
  const needsReason = active.some(corrects);

  const toggle = (id: string) => setSelected((current) => {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const allSelected = active.length > 0 && active.every((c) => selected.has(c.claimantId));
  function applyBasis(basis: string) {
    const next = { ...entries };
    for (const c of active) if (selected.has(c.claimantId)) next[c.claimantId] = { ...entry(c.claimantId), basis };
    setEntries(next);
    setProblems(({ ...rest }) => Object.fromEntries(Object.entries(rest).filter(([key]) => !(key.endsWith('.basis') && selected.has(key.slice(0, -'.basis'.length))))));
  }

  function fillClaimed() {
    const next = { ...entries };
    for (const c of active) if (c.verified === null && !entry(c.claimantId).verified) next[c.claimantId] = { ...entry(c.claimantId), verified: fenToYuanInput(c.claimed) };
    setEntries(next);
  }

  async function save() {
    const found: Record<string, string> = {};
    const claims = active.flatMap((c) => {
      const e = entry(c.claimantId);
      if (e.verified.trim() === '') return [];
      const fen = parseYuan(e.verified);
      if (fen === null) found[`${c.claimantId}.verified`] = t('wage.yuanInvalid');
      if (e.basis.trim() === '') found[`${c.claimantId}.basis`] = t('wage.verify.basisRequired');
      return fen === null ? [] : [{ claimantId: c.claimantId, verified: fen, basis: e.basis.trim() }];
    });
    if (needsReason && reason.trim() === '') found.reason = t('wage.verify.reasonRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (claims.length === 0) return setProblems({ form: t('wage.verify.nothing') });
    const byIndex = (field: string) => /^claims\.(\d+)\.(\w+)$/.exec(field);
    const body = { claims, ...(needsReason ? { reason: reason.trim() } : {}) };
    const result = await runner.run(wageCasePath(kase.id, '/verify'), body, {
      version: kase.version,
      onRefused: (e) => setProblems(Object.fromEntries(Object.entries(e.fieldErrors).flatMap(([field, message]) => {
        const m = byIndex(field);
        return m ? [[`${claims[Number(m[1])]?.claimantId}.${m[2]}`, message]] : field === 'reason' ? [['reason', message]] : [];
      }))),
    });
    if (!result) return;
    setEntries({});
    setReason('');
    setSelected(new Set());
    onSaved();
  }

  const order = active.flatMap((c) => [`${c.claimantId}.verified`, `${c.claimantId}.basis`]);
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, key: string) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) return void save();
    inputs.current.get(order[order.indexOf(key) + 1])?.focus();
  }

  const cell = (c: Claimant, name: keyof Entry) => {
    const key = `${c.claimantId}.${name}`;
    return (
      <td className={problems[key] ? 'cell-invalid' : undefined}>
        <input data-testid={`verify-${name}`} value={entry(c.claimantId)[name]} autoComplete="off" className={name === 'verified' ? 'num' : undefined}
          inputMode={name === 'verified' ? 'decimal' : undefined} placeholder={name === 'verified' ? t('wage.grid.yuanPlaceholder') : t('wage.verify.basisPlaceholder')}
          aria-label={`${c.name} ${t(name === 'verified' ? 'wage.verify.newAmount' : 'wage.verify.basis')}`} aria-invalid={problems[key] ? true : undefined}
          ref={(el) => { if (el) inputs.current.set(key, el); else inputs.current.delete(key); }}
          onChange={(e) => set(c.claimantId, { [name]: e.target.value })} onKeyDown={(e) => onKeyDown(e, key)} />
        {problems[key] && <div className="cell-error">{problems[key]}</div>}
      </td>
    );
  };

  return (
    <div className="card" data-testid="verify-tab">
      <div className="card-head">
        <h2>{t('wage.verify.title')}</h2>
        <div className="action-buttons">
          {allowed('start-verification') && (
            <button type="button" className="primary" data-testid="action-start-verification" onClick={() => onAction(caseDialogs.startVerification(kase.id))}>
              {t('wage.action.start-verification')}
            </button>
          )}
          {allowed('complete-verification') && (
            <button type="button" className="primary" data-testid="action-complete-verification" onClick={() => onAction(caseDialogs.completeVerification(kase.id))}>
              {t('wage.action.complete-verification')}
            </button>
          )}
        </div>
      </div>
      {!editable && kase.status === 'opened' && <p className="muted">{t('wage.verify.notStarted')}</p>}
      <Notice kind="error" text={problems.form ?? runner.notice} testId="verify-error" />
      {editable && <BulkBasis selected={selected.size} onApply={applyBasis} />}
      <div className="verify-scroll">
      <table className="table" data-testid="verify-grid">
        <thead>
          <tr>
            {editable && (
              <th className="col-select">
                <input type="checkbox" data-testid="verify-select-all" aria-label={t('wage.verify.selectAll')} checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(active.map((c) => c.claimantId)))} />
              </th>
            )}
            <th>{t('wage.col.name')}</th>
            <th className="num">{t('wage.col.claimedShort')}</th>
            <th className="num">{t('wage.col.verified')}</th>
            {editable && <th>{t('wage.verify.newAmount')}</th>}
            {editable && <th>{t('wage.verify.basis')}</th>}
          </tr>
        </thead>
        <tbody>
          {active.map((c) => (
            <tr key={c.claimantId} data-testid="verify-row" data-claimant-id={c.claimantId} data-name={c.name}>
              {editable && (
                <td className="col-select">
                  <input type="checkbox" data-testid="verify-select" aria-label={`${t('wage.verify.select')} ${c.name}`} checked={selected.has(c.claimantId)} onChange={() => toggle(c.claimantId)} />
                </td>
              )}
              <td>{c.name}{corrects(c) && <span className="badge badge-urgent">{t('wage.verify.correction')}</span>}</td>
              <td className="num">{formatYuan(c.claimed)}</td>
              <td className="num" data-testid="verified-amount">{formatYuan(c.verified)}</td>
              {editable && cell(c, 'verified')}
              {editable && cell(c, 'basis')}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {editable && (
        <>
          {needsReason && (
            <Field id="verify-reason" label={t('wage.verify.reason')} error={problems.reason}>
              <textarea id="verify-reason" data-testid="verify-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          )}
          <div className="form-actions">
            <button type="button" className="primary" data-testid="verify-save" disabled={runner.busy} onClick={save}>{t('wage.verify.save')}</button>
            <button type="button" className="secondary" data-testid="verify-fill" onClick={fillClaimed}>{t('wage.verify.fillClaimed')}</button>
          </div>
        </>
      )}
    </div>
  );
}
