import { ITEM_KINDS, validateItemIntake } from '@liaowang/contract';
import { withKindContext } from './kind-context';
import { MentionGenerator } from './mention-generator';

describe('withKindContext', () => {
  const generator = new MentionGenerator(20261201, 'spec');
  const posts = Array.from({ length: 400 }, (_, i) => generator.generate(new Date(Date.UTC(2026, 11, 1, 2, 0, i))));

  it('gives every simulated kind what its own schema asks for', () => {
    for (const kind of ITEM_KINDS) {
      const ofKind = posts.filter((post) => post.kind === kind).map(withKindContext);
      expect(ofKind.length).toBeGreaterThan(0);
      for (const item of ofKind) expect(validateItemIntake(kind, item)).toMatchObject({ ok: true });
    }
  });

  it('leaves comments on an own account and post, and reports an account with evidence', () => {
    const comment = withKindContext(posts.find((post) => post.kind === 'comment')!);
    expect(comment).toMatchObject({ kind: 'comment', account: { name: expect.any(String) }, post: { id: expect.any(String), title: expect.any(String) } });
    const report = withKindContext(posts.find((post) => post.kind === 'impostor_report')!);
    expect(report).toMatchObject({ kind: 'impostor_report', reportedAccount: { displayName: expect.any(String), handle: expect.any(String) }, evidenceUrls: [expect.any(String)] });
  });

  it('draws the same context for the same post', () => {
    expect(withKindContext(posts[0])).toEqual(withKindContext(posts[0]));
  });
});
