import type { AlertRule, AlertRuleInput, Severity } from '@liaowang/contract';

/** What the editor holds: strings as typed, turned into a rule input only when sent. */
export interface RuleForm {
  name: string;
  description: string;
  severity: Severity;
  enabled: boolean;
  keywords: string;
  rumorRiskAtLeast: string;
  negativeAtLeast: string;
  impostorReportsOnly: boolean;
  watchedNames: string;
  quietFrom: string;
  quietTo: string;
  repeatMinutes: string;
}

export const EMPTY_RULE_FORM: RuleForm = {
  name: '',
  description: '',
  severity: 'medium',
  enabled: true,
  keywords: '',
  rumorRiskAtLeast: '',
  negativeAtLeast: '',
  impostorReportsOnly: false,
  watchedNames: '',
  quietFrom: '',
  quietTo: '',
  repeatMinutes: '30',
};

export function formOfRule(rule: AlertRule): RuleForm {
  return {
    name: rule.name,
    description: rule.description ?? '',
    severity: rule.severity,
    enabled: rule.enabled,
    keywords: rule.match.keywords ?? '',
    rumorRiskAtLeast: rule.match.rumorRiskAtLeast?.toString() ?? '',
    negativeAtLeast: rule.match.negativeAtLeast?.toString() ?? '',
    impostorReportsOnly: rule.match.kinds?.includes('impostor_report') ?? false,
    watchedNames: rule.match.watchedNames?.join('\n') ?? '',
    quietFrom: rule.quietHours?.from ?? '',
    quietTo: rule.quietHours?.to ?? '',
    repeatMinutes: String(rule.repeatMinutes),
  };
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The rule input the API validates; the server's 400 names any field that is still wrong. */
export function ruleInputOfForm(form: RuleForm): AlertRuleInput {
  const names = form.watchedNames
    .split(/[\n,，、]/)
    .map((name) => name.trim())
    .filter(Boolean);
  const match = {
    keywords: form.keywords.trim() || undefined,
    rumorRiskAtLeast: optionalNumber(form.rumorRiskAtLeast),
    negativeAtLeast: optionalNumber(form.negativeAtLeast),
    kinds: form.impostorReportsOnly ? (['impostor_report'] as const).slice() : undefined,
    watchedNames: names.length > 0 ? names : undefined,
  };
  return {
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    severity: form.severity,
    enabled: form.enabled,
    match: Object.fromEntries(Object.entries(match).filter(([, value]) => value !== undefined)),
    quietHours: form.quietFrom && form.quietTo ? { from: form.quietFrom, to: form.quietTo } : undefined,
    repeatMinutes: Number(form.repeatMinutes || 0),
  };
}
