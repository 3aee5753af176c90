import { gateRumor, sigmoid } from './claim-gate';
import { combineRumorScore, REBUTTAL_FLOOR } from './rumor-score';

const GATE = { weight: 2, confidentFrom: 1, scoreShift: 0.5 };
const NO_EVIDENCE = { signals: [], credibility: [], rebuttals: [] };

describe('gateRumor', () => {
  it('leaves the rumor head nearly as it is (plus the shift) well below the chatter cut', () => {
    for (const chatter of [-20, -5, -3]) expect(Math.abs(gateRumor([1.2, chatter], GATE).logOdds - 1.7)).toBeLessThan(0.04);
    expect(gateRumor([1.2, 1], GATE).logOdds).toBeCloseTo(1.7 - 2 * Math.log(2));
  });

  it('lowers by about weight × how far the chatter head is past its cut', () => {
    expect(gateRumor([1.2, 9], GATE).logOdds).toBeCloseTo(1.2 - 2 * 8 + 0.5, 2);
    expect(gateRumor([1.2, 100], GATE).logOdds).toBeCloseTo(1.2 - 2 * 99 + 0.5);
  });

  it('keeps the order of two claim-like posts whatever their chatter log-odds below the cut', () => {
    const a = gateRumor([2, -3], GATE).logOdds;
    const b = gateRumor([1, 0.9], GATE).logOdds;
    expect(a).toBeGreaterThan(b);
  });

  it('reads the claim share as 0.5 at the confidence cut', () => {
    expect(gateRumor([0, 1], GATE).claim).toBeCloseTo(0.5);
    expect(gateRumor([0, 6], GATE).claim).toBeLessThan(0.01);
  });
});

describe('combineRumorScore', () => {
  it('is the gated learned part when no rule fires', () => {
    const combined = combineRumorScore([0.3, 4], NO_EVIDENCE, GATE);
    expect(combined.score).toBeCloseTo(sigmoid(0.3 - 2 * Math.log1p(Math.exp(3)) + 0.5));
    expect(combined.learned).toBeCloseTo(combined.score);
    expect(combined.claimed).toBe(false);
  });

  it('lifts the gate for a claim passed on as true (hearsay) and adds its log-odds', () => {
    const combined = combineRumorScore([0.3, 4], { ...NO_EVIDENCE, signals: [{ code: 'hearsay', match: '网传' }] }, GATE);
    expect(combined.claimed).toBe(true);
    expect(combined.score).toBeCloseTo(sigmoid(0.3 + 0.5 + 1));
  });

  it('counts style alone (！！) only as much as the post reads as a claim', () => {
    const style = { ...NO_EVIDENCE, signals: [{ code: 'exclamation_run' as const, match: '！！' }] };
    const chatter = combineRumorScore([0, 8], style, GATE).score - combineRumorScore([0, 8], NO_EVIDENCE, GATE).score;
    const claim = combineRumorScore([0, -8], style, GATE).score - combineRumorScore([0, -8], NO_EVIDENCE, GATE).score;
    expect(chatter).toBeLessThan(0.001);
    expect(claim).toBeGreaterThan(0.05);
  });

  it('lowers for an authority attribution and floors a refuted claim on record', () => {
    const sourced = combineRumorScore([1, -20], { ...NO_EVIDENCE, credibility: [{ code: 'authority_attribution', match: '据市卫健委通报' }] }, GATE);
    expect(sourced.score).toBeCloseTo(sigmoid(1 + 0.5 - 1));
    const refuted = combineRumorScore([-6, 6], { ...NO_EVIDENCE, rebuttals: ['some-record'] }, GATE);
    expect(refuted.score).toBe(REBUTTAL_FLOOR);
    expect(refuted.claimed).toBe(true);
  });

  it('lowers thanks or an appeal in the author\'s own voice, unless a claim signal lifted the gate', () => {
    const thanks = { ...NO_EVIDENCE, noClaimForm: { code: 'personal_address' as const, match: '真心感谢' } };
    expect(combineRumorScore([1, -20], thanks, GATE).score).toBeCloseTo(sigmoid(1 + 0.5 - 1.5));
    const chain = { ...thanks, signals: [{ code: 'forward_bait' as const, match: '转发扩散' }] };
    expect(combineRumorScore([1, -20], chain, GATE).score).toBeCloseTo(sigmoid(1 + 0.5 + 1));
  });
});
