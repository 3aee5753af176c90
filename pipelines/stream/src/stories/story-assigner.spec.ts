import { fingerprint, normalizeText } from '@liaowang/nlp';
import { groupKeyOf } from '../alerts/evaluate-items';
import { storyFrom } from './story-aggregate';
import { StoryAssigner, type BandClaim, type StoryIdentity, type StoryStore } from './story-assigner';
import { bandKeys, storyFingerprints } from './story-keys';

class MemoryStore implements StoryStore {
  readonly bands = new Map<string, BandClaim>();
  readonly members = new Map<string, string[]>();
  readonly saved = new Map<string, StoryIdentity>();
  async bandOwners(bands: readonly string[]) {
    return new Map(bands.filter((b) => this.bands.has(b)).map((b) => [b, [this.bands.get(b)!.storyId, ...(this.members.get(b) ?? [])]]));
  }
  async stories(ids: readonly string[]) {
    return new Map(ids.filter((id) => this.saved.has(id)).map((id) => [id, this.saved.get(id)!]));
  }
  async claim(bands: readonly string[], story: StoryIdentity, founding: boolean) {
    const taken = new Map<string, BandClaim>();
    for (const b of this.order(bands)) {
      await this.pause();
      const owner = this.bands.get(b);
      if (owner && owner.storyId !== story.id) {
        taken.set(b, owner);
        this.members.set(b, [...new Set([...(this.members.get(b) ?? []), story.id])]);
      } else if (!owner) this.bands.set(b, claimOf(story, founding));
    }
    return taken;
  }
  async reassign(bands: readonly string[], story: StoryIdentity) {
    for (const b of bands) {
      this.bands.set(b, claimOf(story, false));
      this.members.set(b, (this.members.get(b) ?? []).filter((id) => id !== story.id));
    }
  }
  /** Between two band writes (the interleaving store yields here). */
  protected async pause() {}
  protected order(bands: readonly string[]) {
    return bands;
  }
}

const claimOf = (story: StoryIdentity, founding: boolean): BandClaim => ({
  storyId: story.id,
  title: story.title,
  titleItemId: story.titleItemId,
  fingerprints: [...story.fingerprints],
  founding,
});

/**
 * Claims band by band, letting another assigner's claims land in between (two instances at
 * once), every second claim from the other end: the two founders meet in the middle, each
 * winning some of the bands the other wanted.
 */
class InterleavingStore extends MemoryStore {
  private claims = 0;
  protected override async pause() {
    await new Promise((resolve) => setImmediate(resolve));
  }
  protected override order(bands: readonly string[]) {
    return this.claims++ % 2 === 0 ? bands : [...bands].reverse();
  }
}

const CLAIM = '网传北湖区自来水厂水源被污染，今晚起全区停水三天，超市瓶装水已被抢空，请大家相互转告提前储水';
const item = (id: string, text: string) => ({ id, title: text, fingerprints: storyFingerprints(fingerprint(normalizeText(text)), text) });

describe(StoryAssigner.name, () => {
  it('puts a post, its repost with a comment, a traditional copy and one with hashtags in one story, a different post in another', async () => {
    const store = new MemoryStore();
    const assigner = new StoryAssigner(store);
    const { storyOf, touched } = await assigner.assign([
      item('a', CLAIM),
      item('b', `真的假的？我家这边还有水//@北湖发布:${CLAIM}`),
      item('c', '網傳北湖區自來水廠水源被污染，今晚起全區停水三天，超市瓶裝水已被搶空，請大家相互轉告提前儲水'),
      item('d', `#北湖停水# ${CLAIM} #紧急扩散#`),
      item('e', '北湖区图书馆周末举办亲子阅读活动，现场有绘本讲读和手工课，欢迎家长带孩子报名参加，名额有限'),
    ]);
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => storyOf.get(id))).size).toBe(1);
    expect(storyOf.get('e')).not.toBe(storyOf.get('a'));
    expect(touched.get(storyOf.get('a')!)!.title).toBe(CLAIM);
  });

  it('finds the story again in a later batch (state in the store, as after a restart)', async () => {
    const store = new MemoryStore();
    const first = await new StoryAssigner(store).assign([item('a', CLAIM)]);
    for (const s of first.touched.values()) store.saved.set(s.id, s);
    const later = await new StoryAssigner(store).assign([item('b', `${CLAIM} @北湖发布`)]);
    expect(later.storyOf.get('b')).toBe(first.storyOf.get('a'));
  });

  it('joins the story another instance founded on a shared band at the same time', async () => {
    const store = new MemoryStore();
    const rival = item('x', `${CLAIM}！`);
    const rivalStory = { id: 'st-rival', title: rival.title, titleItemId: 'x', fingerprints: rival.fingerprints, bands: [] };
    store.saved.set(rivalStory.id, rivalStory);
    // The rival's claims land between our lookup (nothing found) and our claim.
    const assigner = new StoryAssigner({ ...store, bandOwners: async () => new Map(), stories: store.stories.bind(store), claim: async (bands, story, founding) => {
      for (const b of bands) store.bands.set(b, claimOf(rivalStory, false));
      return store.claim(bands, story, founding);
    }, reassign: store.reassign.bind(store) });
    const { storyOf } = await assigner.assign([item('a', CLAIM)]);
    expect(storyOf.get('a')).toBe('st-rival');
  });

  it('makes one story of a post and its repost founded at the same moment by two instances, their claims interleaved, neither story written yet', async () => {
    const copies = [CLAIM, `真的假的？我家这边还有水//@北湖发布:${CLAIM}`, `#北湖停水# ${CLAIM} #紧急扩散#`];
    for (const [first, second] of [[0, 1], [1, 0], [0, 2], [2, 1]]) {
      const store = new InterleavingStore();
      const [a, b] = await Promise.all([
        new StoryAssigner(store).assign([item('a', copies[first])]),
        new StoryAssigner(store).assign([item('b', copies[second])]),
      ]);
      expect(b.storyOf.get('b')).toBe(a.storyOf.get('a'));
      // Every band of both ends up with that story, so later copies find it by any of them.
      expect(new Set([...store.bands.values()].map((claim) => claim.storyId))).toEqual(new Set([a.storyOf.get('a')]));
    }
  });

  it('finds a story whose every band another story owns (most band keys are owned once there are a few hundred stories)', async () => {
    const store = new MemoryStore();
    const post = item('a', CLAIM);
    // Another, unrelated story owns every band of the post already.
    const other: StoryIdentity = { id: 'st-other', title: '别的话题', titleItemId: 'z', fingerprints: ['ffffffffffffffff'], bands: [] };
    for (const b of new Set(post.fingerprints.flatMap(bandKeys))) store.bands.set(b, claimOf(other, true));
    store.saved.set(other.id, other);
    const first = await new StoryAssigner(store).assign([post]);
    for (const s of first.touched.values()) store.saved.set(s.id, s);
    const later = await new StoryAssigner(store).assign([item('b', `真的假的？//@北湖发布:${CLAIM}`)]);
    expect(first.storyOf.get('a')).not.toBe('st-other');
    expect(later.storyOf.get('b')).toBe(first.storyOf.get('a'));
  });

  it('reads the band owners and their stories for the whole batch at once, not once per item', async () => {
    const store = new MemoryStore();
    const first = await new StoryAssigner(store).assign([item('a', CLAIM)]);
    for (const s of first.touched.values()) store.saved.set(s.id, s);
    const reads = { bandOwners: 0, stories: 0 };
    const counting: StoryStore = {
      bandOwners: (bands) => (reads.bandOwners++, store.bandOwners(bands)),
      stories: (ids) => (reads.stories++, store.stories(ids)),
      claim: store.claim.bind(store),
      reassign: store.reassign.bind(store),
    };
    // The claim copied by 20 accounts: each copy joins the story and adds no band of its own.
    const copies = Array.from({ length: 20 }, (_, i) => item(`c${i}`, CLAIM));
    const { storyOf } = await new StoryAssigner(counting).assign(copies);
    expect(new Set(storyOf.values())).toEqual(new Set([first.storyOf.get('a')]));
    expect(reads).toEqual({ bandOwners: 1, stories: 1 });
    // Copies that do add fingerprints (and so bands, claimed on the way) still all join it.
    const reposts = Array.from({ length: 20 }, (_, i) => item(`r${i}`, `${['转发', '真的吗', '求证', '关注'][i % 4]}${i}//@北湖发布:${CLAIM}`));
    const again = await new StoryAssigner(counting).assign(reposts);
    expect(new Set(again.storyOf.values())).toEqual(new Set([first.storyOf.get('a')]));
  });

  it('claims a band once: a story that became a member of a band another story owns does not claim it again with each item', async () => {
    const store = new MemoryStore();
    const post = item('a', CLAIM);
    const other: StoryIdentity = { id: 'st-other', title: '别的话题', titleItemId: 'z', fingerprints: ['ffffffffffffffff'], bands: [] };
    for (const b of new Set(post.fingerprints.flatMap(bandKeys))) store.bands.set(b, claimOf(other, true));
    store.saved.set(other.id, other);
    const claimed: string[][] = [];
    const counting: StoryStore = {
      bandOwners: store.bandOwners.bind(store),
      stories: store.stories.bind(store),
      claim: (bands, story, founding) => (claimed.push([...bands]), store.claim(bands, story, founding)),
      reassign: store.reassign.bind(store),
    };
    const assigner = new StoryAssigner(counting);
    const first = await assigner.assign([post, item('b', `真的假的？//@北湖发布:${CLAIM}`)]);
    for (const s of first.touched.values()) store.saved.set(s.id, s);
    const claimsSoFar = claimed.flat().length;
    // Later copies with no fingerprint of their own claim nothing, in this batch and the next.
    const later = await assigner.assign([item('c', CLAIM), item('d', `真的假的？//@北湖发布:${CLAIM}`), item('e', CLAIM)]);
    expect(new Set(later.storyOf.values())).toEqual(new Set([first.storyOf.get('a')]));
    expect(claimed.flat().length).toBe(claimsSoFar);
  });

  it('keeps two unrelated posts founded at the same moment apart', async () => {
    const store = new InterleavingStore();
    const other = '北湖区图书馆周末举办亲子阅读活动，现场有绘本讲读和手工课，欢迎家长带孩子报名参加，名额有限';
    const [a, b] = await Promise.all([new StoryAssigner(store).assign([item('a', CLAIM)]), new StoryAssigner(store).assign([item('b', other)])]);
    expect(b.storyOf.get('b')).not.toBe(a.storyOf.get('a'));
  });
});

describe('storyFrom', () => {
  it('takes volume and the rest from the counted figures, velocity with its change', () => {
    const story = storyFrom(
      { id: 's', title: 't', titleItemId: 'a', fingerprints: [], bands: [] },
      { volume: 4, authors: 3, firstSeen: 'f', lastSeen: 'l', platforms: [], regions: [], categories: [], sentiment: [{ key: 'negative', count: 3 }, { key: 'neutral', count: 1 }], rumorPeak: 0.9, rumorMean: 0.4567, current: 4, previous: 1, newestItemIds: ['d'] },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(story).toMatchObject({ volume: 4, authors: 3, sentiment: { negative: 3, neutral: 1, positive: 0 }, rumor: { peak: 0.9, mean: 0.457 }, velocity: { current: 4, previous: 1, change: 3 } });
  });
});

describe('groupKeyOf', () => {
  it('groups by rule, and by rule and story when the item has a story', () => {
    const rule = { id: 'r1' } as Parameters<typeof groupKeyOf>[0];
    expect(groupKeyOf(rule)).toBe('rule:r1');
    expect(groupKeyOf(rule, 'st-1')).toBe('rule:r1:story:st-1');
  });
});
