import { DEFAULT_RUMOR_ALERT_THRESHOLD, SEVERITIES, SPIKE_KINDS, type AlertRule, type AlertRulePreview, type Severity } from '@liaowang/contract';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { RulePreview } from './rule-preview';
import { EMPTY_RULE_FORM, formOfRule, ruleInputOfForm, type RuleForm } from './rule-form';
import type { alertRulesApi } from './alert-rules-api';

interface Props {
  rule: AlertRule | null;
  api: ReturnType<typeof alertRulesApi>;
  onSaved(rule: AlertRule): void;
}

/** Problem details as one line per failing field, in the server's words. */
function describe(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const fields = error.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('；');
  return fields || error.problem?.detail || error.problem?.title || fallback;
}

/** R-ALR-1: edit a rule and backtest it on the last 7 days before saving it. */
export function RuleEditor({ rule, api, onSaved }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RuleForm>(rule ? formOfRule(rule) : EMPTY_RULE_FORM);
  const [preview, setPreview] = useState<AlertRulePreview | null>(null);
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => {
    setForm((prev) => ({ ...prev, [key]: value }));
    setPreview(null);
  };

  const testing = useMutation({ mutationFn: (shown: RuleForm) => api.preview(ruleInputOfForm(shown)), onSuccess: setPreview });
  // The version we edit goes along: a rule saved meanwhile by someone else answers 409.
  const saving = useMutation({
    mutationFn: (shown: RuleForm) => {
      const input = ruleInputOfForm(shown);
      return rule ? api.update(rule.id, { ...input, version: rule.version }) : api.create(input);
    },
    onSuccess: onSaved,
  });
  const busy = testing.isPending || saving.isPending;
  const failure = saving.error ?? testing.error;
  const error = failure ? (failure instanceof ApiError && failure.status === 409 ? t('rules.stale') : describe(failure, t('rules.error'))) : null;
  const backtest = () => {
    saving.reset();
    testing.mutate(form);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    testing.reset();
    saving.mutate(form);
  };

  return (
    <form className="rule-editor" onSubmit={save} data-testid="rule-editor">
      <h2>{rule ? t('rules.editTitle', { name: rule.name, version: rule.version }) : t('rules.newTitle')}</h2>
      <label>
        {t('rules.field.name')}
        <input value={form.name} onChange={(e) => set('name', e.target.value)} required maxLength={100} data-testid="rule-name" />
      </label>
      <div className="rule-editor__row">
        <label>
          {t('rules.field.severity')}
          <select value={form.severity} onChange={(e) => set('severity', e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="rule-editor__check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('rules.field.enabled')}
        </label>
      </div>
      <div className="rule-editor__row" role="radiogroup" aria-label={t('rules.field.ruleKind')}>
        {(['items', 'spike'] as const).map((kind) => (
          <label key={kind} className="rule-editor__check">
            <input type="radio" name="rule-kind" checked={form.ruleKind === kind} onChange={() => set('ruleKind', kind)} data-testid={`rule-kind-${kind}`} />
            {t(`rules.ruleKind.${kind}`)}
          </label>
        ))}
      </div>
      {form.ruleKind === 'spike' ? <SpikeFields form={form} set={set} /> : <ItemFields form={form} set={set} />}
      <div className="rule-editor__row">
        <label>
          {t('rules.field.quietFrom')}
          <input type="time" value={form.quietFrom} onChange={(e) => set('quietFrom', e.target.value)} />
        </label>
        <label>
          {t('rules.field.quietTo')}
          <input type="time" value={form.quietTo} onChange={(e) => set('quietTo', e.target.value)} />
        </label>
        <label>
          {t('rules.field.repeatMinutes')}
          <input type="number" min={0} max={10080} value={form.repeatMinutes} onChange={(e) => set('repeatMinutes', e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="rule-editor__actions">
        <button type="button" className="button" onClick={backtest} disabled={busy} data-testid="rule-backtest">
          {t('rules.backtest')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || !preview} title={preview ? undefined : t('rules.backtestFirst')} data-testid="rule-save">
          {t('rules.save')}
        </button>
      </div>
      {preview && <RulePreview preview={preview} />}
    </form>
  );
}

type SetField = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => void;

/** The conditions of an item rule: every one given must hold for a post. */
function ItemFields({ form, set }: { form: RuleForm; set: SetField }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('rules.field.keywords')}
        <input value={form.keywords} onChange={(e) => set('keywords', e.target.value)} placeholder={t('rules.hint.keywords')} data-testid="rule-keywords" />
      </label>
      <p className="rule-editor__hint">{t('rules.hint.syntax')}</p>
      <div className="rule-editor__row">
        <label>
          {t('rules.field.rumorRiskAtLeast')}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={form.rumorRiskAtLeast}
            placeholder={t('rules.hint.rumorDefault', { threshold: DEFAULT_RUMOR_ALERT_THRESHOLD })}
            onChange={(e) => set('rumorRiskAtLeast', e.target.value)}
          />
        </label>
        <label>
          {t('rules.field.negativeAtLeast')}
          <input type="number" min={0} max={1} step={0.05} value={form.negativeAtLeast} onChange={(e) => set('negativeAtLeast', e.target.value)} />
        </label>
        <label className="rule-editor__check">
          <input type="checkbox" checked={form.impostorReportsOnly} onChange={(e) => set('impostorReportsOnly', e.target.checked)} />
          {t('rules.field.impostorReportsOnly')}
        </label>
      </div>
      <label>
        {t('rules.field.watchedNames')}
        <textarea rows={2} value={form.watchedNames} onChange={(e) => set('watchedNames', e.target.value)} placeholder={t('rules.hint.watchedNames')} />
      </label>
    </>
  );
}

/** The conditions of a spike rule: which spikes (突增) of the detector raise an alert. */
function SpikeFields({ form, set }: { form: RuleForm; set: SetField }) {
  const { t } = useTranslation();
  const toggle = (kind: (typeof SPIKE_KINDS)[number], on: boolean) =>
    set('spikeKinds', on ? [...form.spikeKinds, kind] : form.spikeKinds.filter((k) => k !== kind));
  return (
    <>
      <div className="rule-editor__row" role="group" aria-label={t('rules.field.spikeKinds')}>
        {SPIKE_KINDS.map((kind) => (
          <label key={kind} className="rule-editor__check">
            <input type="checkbox" checked={form.spikeKinds.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} data-testid={`rule-spike-${kind}`} />
            {t(`spikes.kinds.${kind}`)}
          </label>
        ))}
        <label>
          {t('rules.field.spikeZAtLeast')}
          <input type="number" min={0} max={1000} step={0.5} value={form.spikeZAtLeast} placeholder={t('rules.hint.spikeZ')} onChange={(e) => set('spikeZAtLeast', e.target.value)} />
        </label>
      </div>
      <label>
        {t('rules.field.spikeKeys')}
        <textarea rows={2} value={form.spikeKeys} onChange={(e) => set('spikeKeys', e.target.value)} placeholder={t('rules.hint.spikeKeys')} />
      </label>
      <p className="rule-editor__hint">{t('rules.hint.spike')}</p>
    </>
  );
}
