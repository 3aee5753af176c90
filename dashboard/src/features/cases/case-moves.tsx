import { CASE_GRADES, type CaseGrade, type CaseState } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseScope } from './case-context';
import { mayAssess, offeredMoves } from './case-controls';

function AssessmentForm() {
  const { t } = useTranslation();
  const { item, act, markDirty, username } = useCaseScope();
  const [grade, setGrade] = useState<CaseGrade>(item.grade ?? 'IV');
  const [owner, setOwner] = useState(item.owner ?? username);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, current) => api.assess(current.id, { grade, owner: owner.trim(), version: current.version }))) markDirty('assess', false);
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit} data-testid="assessment-form">
      <strong>{t('cases.assess.title')}</strong>
      <label>
        {t('cases.assess.grade')}{' '}
        <select value={grade} onChange={(e) => { setGrade(e.target.value as CaseGrade); markDirty('assess', true); }} data-testid="assess-grade">
          {CASE_GRADES.map((g) => <option key={g} value={g}>{t(`cases.grade.${g}`)}</option>)}
        </select>
      </label>
      <label>
        {t('cases.assess.owner')}{' '}
        <input className="field__input" value={owner} onChange={(e) => { setOwner(e.target.value); markDirty('assess', true); }} data-testid="assess-owner" required />
      </label>
      <button type="submit" className="button button--small button--primary" data-testid="assess-save">{t('cases.assess.save')}</button>
    </form>
  );
}

function TransitionForm({ to, onDone }: { to: CaseState; onDone(): void }) {
  const { t } = useTranslation();
  const { act, markDirty } = useCaseScope();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, current) => api.transition(current.id, { to, reason: reason.trim(), version: current.version }))) {
      markDirty('move', false);
      onDone();
    }
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit} data-testid="transition-form">
      <input className="field__input case-form__grow" placeholder={t('cases.move.reason')} aria-label={t('cases.move.reason')} value={reason} onChange={(e) => { setReason(e.target.value); markDirty('move', true); }} data-testid="transition-reason" required autoFocus />
      <button type="submit" className="button button--small button--primary" data-testid="transition-confirm">{t('cases.move.confirm')}</button>
    </form>
  );
}

/** The moves this role may make now: a transition with its reason, and grading with an owner. */
export function CaseMoves() {
  const { t } = useTranslation();
  const { item, role, markDirty } = useCaseScope();
  const [to, setTo] = useState<CaseState | undefined>();
  const moves = offeredMoves(role, item);
  if (moves.length === 0 && !mayAssess(role, item)) return null;
  return (
    <section className="case-section" aria-label={t('cases.move.title')}>
      <div className="case-section__actions">
        {moves.map((state) => (
          <button key={state} type="button" className={`button button--small${state === to ? ' button--primary' : ''}`} onClick={() => setTo(state === to ? undefined : state)} data-testid={`move-${state}`}>
            {item.state === 'archive' ? t('cases.move.reopen') : t('cases.move.to', { state: t(`cases.state.${state}`) })}
          </button>
        ))}
      </div>
      {to && <TransitionForm key={to} to={to} onDone={() => { setTo(undefined); markDirty('move', false); }} />}
      {mayAssess(role, item) && <AssessmentForm key={`${item.grade}-${item.owner}`} />}
    </section>
  );
}
