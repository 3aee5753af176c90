import { EMPTY_RULE_FORM, formOfRule, ruleInputOfForm } from './rule-form';

describe(ruleInputOfForm.name, () => {
  it('sends only the conditions filled in', () => {
    const input = ruleInputOfForm({ ...EMPTY_RULE_FORM, name: ' 停水谣言 ', keywords: ' 停水 AND 江城 ', rumorRiskAtLeast: '0.8' });
    expect(input).toEqual({ name: '停水谣言', severity: 'medium', enabled: true, match: { keywords: '停水 AND 江城', rumorRiskAtLeast: 0.8 }, repeatMinutes: 30 });
  });

  it('splits watched names on new lines and Chinese or Latin commas, and reads quiet hours only when both ends are set', () => {
    const input = ruleInputOfForm({ ...EMPTY_RULE_FORM, watchedNames: '江城发布\n江城公安，江城交警、 ', quietFrom: '22:00', quietTo: '' });
    expect(input.match.watchedNames).toEqual(['江城发布', '江城公安', '江城交警']);
    expect(input.quietHours).toBeUndefined();
  });

  it('round-trips a stored rule', () => {
    const input = ruleInputOfForm({ ...EMPTY_RULE_FORM, name: 'r', impostorReportsOnly: true, quietFrom: '23:00', quietTo: '06:30', repeatMinutes: '0' });
    const stored = { ...input, id: 'x', version: 2, enabled: true, repeatMinutes: 0, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } as Parameters<typeof formOfRule>[0];
    expect(ruleInputOfForm(formOfRule(stored))).toEqual(input);
  });

  it('makes a spike rule with only its spike condition, and reads it back', () => {
    const form = { ...EMPTY_RULE_FORM, name: '话题突增', ruleKind: 'spike' as const, spikeKinds: ['story' as const], spikeZAtLeast: '6', keywords: '停课' };
    const input = ruleInputOfForm(form);
    expect(input.match).toEqual({ spike: { kinds: ['story'], zAtLeast: 6 } });
    const stored = { ...input, id: 'x', version: 1, enabled: true, repeatMinutes: 30, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' } as Parameters<typeof formOfRule>[0];
    expect(formOfRule(stored)).toMatchObject({ ruleKind: 'spike', spikeKinds: ['story'], spikeZAtLeast: '6' });
    expect(ruleInputOfForm({ ...EMPTY_RULE_FORM, name: 'r', ruleKind: 'spike' }).match).toEqual({ spike: {} });
  });
});
