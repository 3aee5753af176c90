import { ESCALATION_TARGETS, SEVERITIES, type EscalationPolicy, type EscalationStep, type EscalationTarget, type Severity } from '@liaowang/contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import type { NotifyApi } from './notify-api';

/** The chain each severity climbs while nobody acknowledges (R-ALR-3); saved as a new version. */
export function EscalationPolicyEditor({ policy, api, onSaved }: { policy: EscalationPolicy; api: NotifyApi; onSaved(policy: EscalationPolicy): void }) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState<Record<Severity, EscalationStep[]>>(policy.steps);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const change = (severity: Severity, index: number, patch: Partial<EscalationStep>) =>
    setSteps((prev) => ({ ...prev, [severity]: prev[severity].map((step, i) => (i === index ? { ...step, ...patch } : step)) }));
  const add = (severity: Severity) =>
    setSteps((prev) => {
      const last = prev[severity].at(-1);
      return { ...prev, [severity]: [...prev[severity], { target: 'shift_lead', afterMinutes: (last?.afterMinutes ?? 0) + 10, notify: false }] };
    });
  const remove = (severity: Severity, index: number) => setSteps((prev) => ({ ...prev, [severity]: prev[severity].filter((_, i) => i !== index) }));
  // Saved on the version shown: a policy saved meanwhile by someone else answers 409.
  const saving = useMutation({
    mutationFn: () => api.savePolicy({ steps, version: policy.version }),
    onMutate: () => setMessage(null),
    onSuccess: (saved) => {
      onSaved(saved);
      setMessage({ kind: 'info', text: t('notify.policy.saved', { version: saved.version }) });
    },
    onError: (error) => {
      const text = error instanceof ApiError && error.status === 409 ? t('notify.stale') : error instanceof ApiError ? (error.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('；') ?? error.message) : t('notify.error');
      setMessage({ kind: 'error', text });
    },
  });
  return (
    <section className="notify-section" data-testid="escalation-policy">
      <h2>{t('notify.policy.title', { version: policy.version })}</h2>
      {SEVERITIES.map((severity) => (
        <div key={severity} className="notify-policy__severity">
          <span className={`severity severity--${severity}`}>{t(`severity.${severity}`)}</span>
          {steps[severity].length === 0 && <span className="notify-muted">{t('notify.policy.none')}</span>}
          {steps[severity].map((step, index) => (
            <span key={index} className="notify-policy__step">
              <select value={step.target} onChange={(e) => change(severity, index, { target: e.target.value as EscalationTarget })} aria-label={t('notify.policy.target')}>
                {ESCALATION_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t(`alerts.escalationTarget.${target}`)}
                  </option>
                ))}
              </select>
              <input type="number" min={0} step={1} value={step.afterMinutes} onChange={(e) => change(severity, index, { afterMinutes: Number(e.target.value) })} aria-label={t('notify.policy.after')} />
              {t('notify.policy.minutes')}
              <label>
                <input type="checkbox" checked={step.notify} onChange={(e) => change(severity, index, { notify: e.target.checked })} /> {t('notify.policy.notify')}
              </label>
              <button type="button" className="button button--small" onClick={() => remove(severity, index)} aria-label={t('notify.policy.remove')}>
                ×
              </button>
            </span>
          ))}
          <button type="button" className="button button--small" onClick={() => add(severity)}>
            {t('notify.policy.add')}
          </button>
        </div>
      ))}
      {message && <p className={`notice notice--${message.kind}`}>{message.text}</p>}
      <button type="button" className="button button--primary" onClick={() => saving.mutate()} disabled={saving.isPending} data-testid="policy-save">
        {t('notify.policy.save')}
      </button>
    </section>
  );
}
