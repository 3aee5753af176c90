import { STATEMENT_KINDS, STATEMENT_TIERS, type StatementKind, type StatementTier } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseScope } from './case-context';
import { mayDraft } from './case-controls';
import { StatementCard } from './statement-card';

function DraftForm() {
  const { t } = useTranslation();
  const { act, markDirty } = useCaseScope();
  const [kind, setKind] = useState<StatementKind>('statement');
  const [tier, setTier] = useState<StatementTier>('routine');
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, current) => api.draftStatement(current.id, { kind, tier, text: text.trim(), version: current.version }))) {
      setText('');
      markDirty('draft', false);
    }
  };
  return (
    <form className="case-form" onSubmit={submit} data-testid="statement-form">
      <div className="case-form__row">
        <label>
          {t('cases.statement.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as StatementKind)} data-testid="statement-kind">
            {STATEMENT_KINDS.map((k) => <option key={k} value={k}>{t(`cases.statement.kindName.${k}`)}</option>)}
          </select>
        </label>
        <label>
          {t('cases.statement.tier')}{' '}
          <select value={tier} onChange={(e) => setTier(e.target.value as StatementTier)} data-testid="statement-tier">
            {STATEMENT_TIERS.map((k) => <option key={k} value={k}>{t(`cases.statement.tierName.${k}`)}</option>)}
          </select>
        </label>
      </div>
      <textarea className="field__input case-form__text" aria-label={t('cases.statement.text')} placeholder={t('cases.statement.text')} value={text} onChange={(e) => { setText(e.target.value); markDirty('draft', true); }} data-testid="statement-text" required />
      <button type="submit" className="button button--small button--primary" data-testid="statement-draft">{t('cases.statement.draft')}</button>
    </form>
  );
}

/** Statements and rumor rebuttals (R-CASE-3): versions, checks, tiered sign-off, release. */
export function CaseStatementsSection() {
  const { t } = useTranslation();
  const { item, role } = useCaseScope();
  return (
    <section className="case-section" aria-label={t('cases.statement.title')}>
      <h2>{t('cases.statement.title')}</h2>
      {item.statements.map((statement) => <StatementCard key={statement.id} statement={statement} />)}
      {item.statements.length === 0 && <p className="case-list__empty">{t('cases.statement.empty')}</p>}
      {mayDraft(role, item) && <DraftForm />}
    </section>
  );
}
