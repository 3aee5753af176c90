import type { AlertRule, AlertRuleInput, Severity, SpikeKind } from '@liaowang/contract';

/** What the editor holds: strings as typed, turned into a rule input only when sent. */
export interface RuleForm {
  name: string;
  description: string;
  severity: Severity;
  enabled: boolean;
  /** An item rule judges each post; a spike rule the spike events (突增) of the detector. */
  ruleKind: 'items' | 'spike';
  spikeKinds: SpikeKind[];
  spikeZAtLeast: string;
  spikeKeys: string;
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
  ruleKind: 'items',
  spikeKinds: [],
  spikeZAtLeast: '',
  spikeKeys: '',
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
    ruleKind: rule.match.spike ? 'spike' : 'items',
    spikeKinds: rule.match.spike?.kinds ?? [],
    spikeZAtLeast: rule.match.spike?.zAtLeast?.toString() ?? '',
    spikeKeys: rule.match.spike?.keys?.join('\n') ?? '',
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
const listOf = (text: string) =>
  text
    .split(/[\n,，、]/)
    .map((name) => name.trim())
    .filter(Boolean);
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** The rule input the API validates; the server's 400 names any field that is still wrong. */
export function ruleInputOfForm(form: RuleForm): AlertRuleInput {
  const names = listOf(form.watchedNames);
  const keys = listOf(form.spikeKeys);
  const spike = {
    kinds: form.spikeKinds.length > 0 ? form.spikeKinds : undefined,
    zAtLeast: optionalNumber(form.spikeZAtLeast),
    keys: keys.length > 0 ? keys : undefined,
  };
  const items = {
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
    // A spike rule carries no item condition (the server refuses the mix).
    match: form.ruleKind === 'spike' ? { spike: defined(spike) } : defined(items),
    quietHours: form.quietFrom && form.quietTo ? { from: form.quietFrom, to: form.quietTo } : undefined,
    repeatMinutes: Number(form.repeatMinutes || 0),
  };
}
