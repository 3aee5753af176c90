import { may, SPIKE_KINDS, type AlertRule, type SpikeCondition } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { alertRulesApi, ruleKeys } from './alert-rules-api';
import { RuleEditor } from './rule-editor';

/** The alert rules: every role may read them; duty officers and admins edit, after a backtest. */
export function AlertRulesPage() {
  const { t } = useTranslation();
  const { session, api } = useSignedIn();
  const rulesApi = useMemo(() => alertRulesApi(api), [api]);
  const mayEdit = may(session.user.role, 'alerts.rules.manage');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const list = useQuery({ queryKey: ruleKeys.list, queryFn: ({ signal }) => rulesApi.list(signal) });
  const rules = list.data ?? [];
  const loadError = list.isError;

  // The saved version goes first in the cached list, which every page reading rules shares.
  const saved = (rule: AlertRule) => {
    queryClient.setQueryData<AlertRule[]>(ruleKeys.list, (prev) => [rule, ...(prev ?? []).filter((r) => r.id !== rule.id)]);
    setEditing(null);
  };

  return (
    <div className="rules-page" data-testid="rules-page">
      <div className="alert-inbox__bar">
        <h1>{t('rules.title')}</h1>
        {mayEdit && (
          <button type="button" className="button button--primary button--small" onClick={() => setEditing('new')} data-testid="rule-new">
            {t('rules.new')}
          </button>
        )}
      </div>
      {loadError && <p className="notice notice--error">{t('rules.loadError')}</p>}
      <div className="alert-inbox__body">
        <table className="rules-table">
          <thead>
            <tr>
              <th>{t('rules.field.name')}</th>
              <th>{t('rules.field.severity')}</th>
              <th>{t('rules.field.keywords')}</th>
              <th>{t('rules.version')}</th>
              <th>{t('rules.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} className={rule.enabled ? undefined : 'rules-table__disabled'} onClick={() => mayEdit && setEditing(rule)} data-testid="rule-row">
                <td>{rule.name}{!rule.enabled && ` (${t('rules.disabled')})`}</td>
                <td><span className={`severity severity--${rule.severity}`}>{t(`severity.${rule.severity}`)}</span></td>
                <td>{rule.match.spike ? <SpikeSummary spike={rule.match.spike} /> : <code>{rule.match.keywords ?? '—'}</code>}</td>
                <td>v{rule.version}</td>
                <td>{formatDateTime(rule.updatedAt)} · {rule.updatedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {editing && <RuleEditor key={editing === 'new' ? 'new' : `${editing.id}@${editing.version}`} rule={editing === 'new' ? null : editing} api={rulesApi} onSaved={saved} />}
      </div>
    </div>
  );
}

/** 突增：话题、关键词 z ≥ 6, in the rules list where item rules show their keywords. */
function SpikeSummary({ spike }: { spike: SpikeCondition }) {
  const { t } = useTranslation();
  const kinds = (spike.kinds ?? SPIKE_KINDS).map((kind) => t(`spikes.kinds.${kind}`)).join('、');
  return (
    <span>
      {t('rules.ruleKind.spike')}：{kinds}
      {spike.zAtLeast !== undefined && ` z ≥ ${spike.zAtLeast}`}
    </span>
  );
}
