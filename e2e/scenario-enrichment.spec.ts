import { ScenarioGenerator } from '@liaowang/intake';
import { createEnricher } from '@liaowang/nlp';

// The simulator's scenarios tell what their names say, as the real enrichment reads them: the
// backlash is negative, the rumor is rumor-like, the impostor is reported. (The model, not a
// stub: a scenario whose posts the model reads as neutral would test nothing downstream.)
describe('simulator scenarios as the enrichment reads them', () => {
  const enricher = createEnricher();
  const onset = new Date('2026-12-01T06:00:00Z');
  const incidentPosts = (scenario: 'policy-backlash' | 'rumor-outbreak' | 'impostor-account') =>
    new ScenarioGenerator(scenario, onset, 5)
      .timeline([{ from: onset.getTime() + 30 * 60_000, to: onset.getTime() + 40 * 60_000 }], 20)
      .filter((p) => p.sourceId?.includes(`-${scenario}-`));
  const share = (posts: { text: string }[], test: (text: string) => boolean) => posts.filter((p) => test(p.text)).length / posts.length;

  it('policy-backlash: the incident posts are mostly negative', () => {
    const posts = incidentPosts('policy-backlash');
    expect(posts.length).toBeGreaterThan(50);
    expect(share(posts, (text) => enricher.enrich(text).sentiment.label === 'negative')).toBeGreaterThan(0.6);
  });

  it('rumor-outbreak: the rumor reads as a rumor risk', () => {
    const posts = incidentPosts('rumor-outbreak');
    expect(posts.length).toBeGreaterThan(50);
    expect(share(posts, (text) => enricher.enrich(text).rumor.score >= 0.4)).toBeGreaterThan(0.8);
  });

  it('impostor-account: most of it comes in as impostor reports', () => {
    const posts = incidentPosts('impostor-account');
    expect(posts.length).toBeGreaterThan(20);
    expect(posts.filter((p) => p.kind === 'impostor_report').length).toBeGreaterThan(posts.length / 2);
  });
});
