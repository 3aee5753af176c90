import { CASE_GRADES, CASE_STATES, may, type Case, type CaseGrade } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../../app/auth-context';
import { routePath } from '../../app/routes';
import { useNow } from '../../time/use-now';
import { boardColumns, mergeCase, ownersOf, type BoardFilter } from './case-board';
import { CaseCard } from './case-card';
import { nearestClock } from './case-clock';
import { caseKeys } from './case-queries';
import { casesApi } from './cases-api';
import { describeCaseError } from './describe-case-error';

function NewCaseForm({ onCreate, onCancel }: { onCreate(title: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) void onCreate(title.trim());
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit}>
      <input className="field__input" aria-label={t('cases.board.newTitle')} placeholder={t('cases.board.newTitle')} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="new-case-title" autoFocus />
      <button type="submit" className="button button--small button--primary" data-testid="new-case-create">{t('cases.board.create')}</button>
      <button type="button" className="button button--small" onClick={onCancel}>{t('cases.board.cancel')}</button>
    </form>
  );
}

/** R-UI-3: every case in a column of its stage, the most urgent clock first; live over `cases:updated` (useCaseCacheSync). */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const navigate = useNavigate();
  const now = useNow(10_000);
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<BoardFilter>({});
  const [error, setError] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);

  // A case pushed while the list loads is in the cache already: the newer version stays.
  const list = useQuery({
    queryKey: caseKeys.list,
    queryFn: async ({ signal }) => (await client.list({}, signal)).cases.reduce(mergeCase, queryClient.getQueryData<Case[]>(caseKeys.list) ?? []),
  });
  const cases = useMemo(() => list.data ?? [], [list.data]);
  const shownError = error ?? (list.error ? describeCaseError(list.error, t) : undefined);

  const columns = useMemo(() => boardColumns(cases, filter, now), [cases, filter, now]);
  const owners = useMemo(() => ownersOf(cases), [cases]);

  const create = async (title: string) => {
    try {
      const created = await client.create({ title });
      queryClient.setQueryData<Case[]>(caseKeys.list, (prev) => mergeCase(prev ?? [], created));
      void navigate(routePath('cases', created.id));
    } catch (caught) {
      setError(describeCaseError(caught, t));
    }
  };

  return (
    <div className="case-board" data-testid="case-board">
      <div className="case-board__bar">
        <h1>{t('cases.board.title')}</h1>
        <label className="case-board__filter">
          {t('cases.filter.grade')}
          <select value={filter.grade ?? ''} onChange={(e) => setFilter({ ...filter, grade: (e.target.value || undefined) as CaseGrade | undefined })} data-testid="filter-grade">
            <option value="">{t('cases.filter.any')}</option>
            {CASE_GRADES.map((grade) => <option key={grade} value={grade}>{t(`cases.grade.${grade}`)}</option>)}
          </select>
        </label>
        <label className="case-board__filter">
          {t('cases.filter.owner')}
          <select value={filter.owner ?? ''} onChange={(e) => setFilter({ ...filter, owner: e.target.value || undefined })} data-testid="filter-owner">
            <option value="">{t('cases.filter.any')}</option>
            {owners.map((owner) => <option key={owner} value={owner}>{owner}</option>)}
          </select>
        </label>
        <label className="case-board__filter">
          <input type="checkbox" checked={Boolean(filter.atRisk)} onChange={(e) => setFilter({ ...filter, atRisk: e.target.checked })} data-testid="filter-at-risk" />
          {t('cases.filter.atRisk')}
        </label>
        {may(session.user.role, 'cases.transition') && !creating && (
          <button type="button" className="button button--small button--primary" onClick={() => setCreating(true)} data-testid="new-case">{t('cases.board.new')}</button>
        )}
        {creating && <NewCaseForm onCreate={create} onCancel={() => setCreating(false)} />}
      </div>
      {shownError && <p className="notice notice--error" role="alert">{shownError}</p>}
      <div className="case-board__columns">
        {CASE_STATES.map((state) => (
          <section key={state} className="case-column" data-testid={`case-column-${state}`} aria-label={t(`cases.state.${state}`)}>
            <h2 className="case-column__head">
              {t(`cases.state.${state}`)} <span className="case-column__count">{columns[state].length}</span>
            </h2>
            <ul className="case-column__cards">
              {columns[state].map((item) => <CaseCard key={item.id} item={item} risk={nearestClock(item, now)?.status} />)}
              {columns[state].length === 0 && <li className="case-column__empty">{t('cases.board.empty')}</li>}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
