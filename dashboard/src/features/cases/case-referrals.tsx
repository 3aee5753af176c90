import { REFERRAL_TARGETS, type CaseReferral, type ReferralTarget } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';
import { mayWork } from './case-controls';

function ReferralForm() {
  const { t } = useTranslation();
  const { act, markDirty } = useCaseScope();
  const [to, setTo] = useState<ReferralTarget>('cyberspace');
  const [department, setDepartment] = useState('');
  const [sent, setSent] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { to, sent: sent.trim(), ...(department.trim() ? { department: department.trim() } : {}) };
    if (await act((api, current) => api.refer(current.id, { ...body, version: current.version }))) {
      setSent('');
      setDepartment('');
      markDirty('referral', false);
    }
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit} data-testid="referral-form">
      <select value={to} onChange={(e) => setTo(e.target.value as ReferralTarget)} aria-label={t('cases.referral.to')} data-testid="referral-to">
        {REFERRAL_TARGETS.map((target) => <option key={target} value={target}>{t(`cases.referral.target.${target}`)}</option>)}
      </select>
      <input className="field__input" placeholder={t('cases.referral.department')} aria-label={t('cases.referral.department')} value={department} onChange={(e) => setDepartment(e.target.value)} required={to === 'business'} />
      <input className="field__input case-form__grow" placeholder={t('cases.referral.sent')} aria-label={t('cases.referral.sent')} value={sent} onChange={(e) => { setSent(e.target.value); markDirty('referral', true); }} data-testid="referral-sent" required />
      <button type="submit" className="button button--small button--primary" data-testid="referral-add">{t('cases.referral.add')}</button>
    </form>
  );
}

function ReplyForm({ referral }: { referral: CaseReferral }) {
  const { t } = useTranslation();
  const { act, markDirty } = useCaseScope();
  const [reply, setReply] = useState('');
  const key = `reply-${referral.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, current) => api.recordReply(current.id, referral.id, { reply: reply.trim(), version: current.version }))) markDirty(key, false);
  };
  return (
    <form className="case-form case-form--inline" onSubmit={submit}>
      <input className="field__input case-form__grow" placeholder={t('cases.referral.reply')} aria-label={t('cases.referral.reply')} value={reply} onChange={(e) => { setReply(e.target.value); markDirty(key, true); }} required />
      <button type="submit" className="button button--small">{t('cases.referral.recordReply')}</button>
    </form>
  );
}

/** 转送相关部门办理: what went to which department and when, and their reply once recorded. */
export function CaseReferralsSection() {
  const { t } = useTranslation();
  const { item, role } = useCaseScope();
  const canWork = mayWork(role, item);
  return (
    <section className="case-section" aria-label={t('cases.referral.title')}>
      <h2>{t('cases.referral.title')}</h2>
      <ul className="case-list" data-testid="case-referrals">
        {item.referrals.map((referral) => (
          <li key={referral.id}>
            <span className="case-tag">{t(`cases.referral.target.${referral.to}`)}{referral.department && ` · ${referral.department}`}</span>
            <span className="case-list__main">{referral.sent}</span>
            <span className="case-list__meta">{referral.sentBy} · {formatDateTime(referral.sentAt)}</span>
            {referral.reply ? (
              <span className="case-list__reply">{t('cases.referral.replied', { time: formatDateTime(referral.repliedAt) })}：{referral.reply}</span>
            ) : (
              canWork && <ReplyForm referral={referral} />
            )}
          </li>
        ))}
        {item.referrals.length === 0 && <li className="case-list__empty">{t('cases.referral.empty')}</li>}
      </ul>
      {canWork && <ReferralForm />}
    </section>
  );
}
