import { ACTIONS } from '@liaowang/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit-filters';

// Actions the trail records besides the permission table's route actions.
const RECORDED_ACTIONS = ['auth.login', 'auth.login.failed', 'auth.logout', 'users.create', 'users.update', ...ACTIONS];

/** Who, what, which target, when; applied on submit so typing does not query on every key. */
export function AuditFilterForm({ onApply }: { onApply(filters: AuditFilters): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const field = (key: keyof AuditFilters, type = 'text', list?: string) => (
    <label className="field audit-filters__field">
      <span className="field__label">{t(`audit.filter.${key}`)}</span>
      <input
        className="field__input"
        type={type}
        name={key}
        list={list}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      {field('actor')}
      {field('action', 'text', 'audit-actions')}
      <datalist id="audit-actions">
        {[...new Set(RECORDED_ACTIONS)].map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      {field('targetType')}
      {field('targetId')}
      {field('from', 'datetime-local')}
      {field('to', 'datetime-local')}
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
