import type { CaseStatement, StatementDiff } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';
import { mayRelease, mayRevise, nextStep, signableStep, tierSteps } from './case-controls';
import { casesApi } from './cases-api';
import { StatementFindings } from './statement-findings';

function DiffView({ diff }: { diff: StatementDiff }) {
  return (
    <pre className="statement-diff" data-testid="statement-diff">
      {diff.parts.flatMap((part, p) =>
        part.lines.map((line, l) => (
          <span key={`${p}-${l}`} className={`statement-diff__${part.op}`}>
            {part.op === 'added' ? '+ ' : part.op === 'removed' ? '- ' : '  '}
            {line}
            {'\n'}
          </span>
        )),
      )}
    </pre>
  );
}

function ReviseForm({ statement, onDone }: { statement: CaseStatement; onDone(): void }) {
  const { t } = useTranslation();
  const { act, markDirty } = useCaseScope();
  const [text, setText] = useState(statement.versions.at(-1)?.text ?? '');
  const key = `revise-${statement.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, current) => api.reviseStatement(current.id, statement.id, { text: text.trim(), version: current.version }))) {
      markDirty(key, false);
      onDone();
    }
  };
  return (
    <form className="case-form" onSubmit={submit}>
      <textarea className="field__input case-form__text" value={text} onChange={(e) => { setText(e.target.value); markDirty(key, true); }} aria-label={t('cases.statement.text')} data-testid="statement-revise-text" required />
      <button type="submit" className="button button--small button--primary" data-testid="statement-revise">{t('cases.statement.revise')}</button>
    </form>
  );
}

/** One statement: its current text beside what the checks found, the sign-off steps, and the moves this user may make. */
export function StatementCard({ statement }: { statement: CaseStatement }) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const { item, act, role, username } = useCaseScope();
  const [editing, setEditing] = useState(false);
  const [diff, setDiff] = useState<StatementDiff | undefined>();
  const current = statement.versions.at(-1);
  const step = signableStep(statement, { username, role });
  const waiting = nextStep(statement);
  const showDiff = async () => {
    if (diff) return setDiff(undefined);
    try {
      setDiff(await casesApi(api).statementDiff(item.id, statement.id));
    } catch {
      setDiff({ from: 0, to: 0, parts: [], added: 0, removed: 0 });
    }
  };
  return (
    <article className={`statement statement--${statement.state}`} data-testid="statement" data-statement-id={statement.id} data-state={statement.state}>
      <header className="statement__head">
        <strong>{t(`cases.statement.kindName.${statement.kind}`)}</strong>
        <span className="case-tag">{t(`cases.statement.tierName.${statement.tier}`)}</span>
        <span className={`case-tag case-tag--${statement.state}`}>{t(`cases.statement.stateName.${statement.state}`)}</span>
        {current && <span className="case-list__meta">{t('cases.statement.versionN', { n: current.n })} · {current.by} · {formatDateTime(current.at)}</span>}
      </header>
      <div className="statement__body">
        <p className="statement__text" data-testid="statement-current-text">{current?.text}</p>
        <StatementFindings statement={statement} />
      </div>
      {diff && <DiffView diff={diff} />}
      <ol className="statement__steps">
        {tierSteps(statement.tier).map((name) => {
          const given = statement.signOffs.filter((s) => s.step === name && s.versionN === current?.n && s.decision !== 'reject').at(-1);
          return (
            <li key={name} className={given ? 'statement__step--given' : ''} data-testid="statement-step" data-step={name} data-given={Boolean(given)}>
              {given ? t('cases.statement.signedBy', { step: t(`cases.statement.step.${name}`), by: given.by, time: formatDateTime(given.at) }) : t(`cases.statement.step.${name}`)}
            </li>
          );
        })}
      </ol>
      {waiting && statement.state !== 'released' && <p className="case-list__meta">{t('cases.statement.next', { step: t(`cases.statement.step.${waiting}`) })}</p>}
      <div className="case-section__actions">
        {statement.versions.length > 1 && (
          <button type="button" className="button button--small" onClick={() => void showDiff()} data-testid="statement-show-diff">
            {diff ? t('cases.statement.hideDiff') : t('cases.statement.diff')}
          </button>
        )}
        {mayRevise(role, statement) && !editing && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)} data-testid="statement-edit">{t('cases.statement.edit')}</button>
        )}
        {step && (
          <button type="button" className="button button--small button--primary" data-testid="statement-sign-off" data-step={step}
            onClick={() => void act((client, c) => client.signOff(c.id, statement.id, { decision: 'approve', version: c.version }))}>
            {t('cases.statement.signOff', { step: t(`cases.statement.step.${step}`) })}
          </button>
        )}
        {step && (
          <button type="button" className="button button--small" data-testid="statement-reject"
            onClick={() => {
              const note = window.prompt(t('cases.statement.rejectNote'))?.trim();
              if (note) void act((client, c) => client.signOff(c.id, statement.id, { decision: 'reject', note, version: c.version }));
            }}>
            {t('cases.statement.reject')}
          </button>
        )}
        {mayRelease(role, statement) && (
          <button type="button" className="button button--small button--primary" data-testid="statement-release"
            onClick={() => void act((client, c) => client.release(c.id, statement.id, { version: c.version }))}>
            {t('cases.statement.release')}
          </button>
        )}
      </div>
      {editing && <ReviseForm statement={statement} onDone={() => setEditing(false)} />}
    </article>
  );
}
