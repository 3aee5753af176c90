import { bandKeys, STORY_DISTANCE, storyDistance } from './story-keys';
import { withFingerprints } from './story-aggregate';

/** What the assigner needs of an item. */
export interface StoryCandidate {
  id: string;
  fingerprints: string[];
  /** Masked text, the title if the item founds a story. */
  title: string;
}

export interface StoryIdentity {
  id: string;
  title: string;
  titleItemId: string;
  fingerprints: string[];
  /** The band keys the story is on, as their owner or as a member: not claimed again. */
  bands: string[];
}

/** Who claimed a band: the story and what its rivals need to judge it before its document exists. */
export interface BandClaim {
  storyId: string;
  title: string;
  titleItemId: string;
  fingerprints: string[];
  /** Claimed by a story being founded (not one growing or taking over bands). */
  founding: boolean;
}

/** Where stories and band claims live (the stories indices; an in-memory one in unit tests). */
export interface StoryStore {
  /** The stories on each of the given band keys, its owner first (realtime reads: a story founded a moment ago is seen). */
  bandOwners(bands: readonly string[]): Promise<Map<string, string[]>>;
  stories(ids: readonly string[]): Promise<Map<string, StoryIdentity>>;
  /** Claims band keys for a story (create); on keys another story owns already it becomes a member, and answers their owners' claims. */
  claim(bands: readonly string[], story: StoryIdentity, founding: boolean): Promise<Map<string, BandClaim>>;
  /** Points band keys at a story whatever owned them (after joining the other story). */
  reassign(bands: readonly string[], story: StoryIdentity): Promise<void>;
}

/**
 * Places items in stories (R-ENR-6): candidates are the stories owning one of the item's band
 * keys; the nearest within STORY_DISTANCE wins, else the item founds a story. Returns the story
 * of each placed item and the identities touched (to be written with their new figures).
 */
export class StoryAssigner {
  constructor(private readonly store: StoryStore) {}

  async assign(items: readonly StoryCandidate[]): Promise<{ storyOf: Map<string, string>; touched: Map<string, StoryIdentity> }> {
    const storyOf = new Map<string, string>();
    const touched = new Map<string, StoryIdentity>();
    const lookups = new BatchLookups(this.store);
    await lookups.prefetch(items.flatMap((item) => item.fingerprints.flatMap(bandKeys)));
    for (const item of items) {
      if (item.fingerprints.length === 0) continue;
      const bands = [...new Set(item.fingerprints.flatMap(bandKeys))];
      let story = await this.nearest(item, bands, touched, lookups);
      if (!story) story = await this.found(item, bands, touched, lookups);
      else {
        story.fingerprints = withFingerprints(story.fingerprints, item.fingerprints);
        const newBands = story.fingerprints.flatMap(bandKeys).filter((b) => !story!.bands.includes(b));
        // A band another story owns stays theirs and the claim makes this one a member of it: the
        // story is on it either way, so it is not claimed again with every later item.
        await lookups.claim(newBands, story, false);
        story.bands = [...story.bands, ...newBands];
      }
      storyOf.set(item.id, story.id);
      touched.set(story.id, story);
    }
    return { storyOf, touched };
  }

  private async nearest(item: StoryCandidate, bands: string[], touched: Map<string, StoryIdentity>, lookups: BatchLookups): Promise<StoryIdentity | undefined> {
    const owners = [...new Set([...(await lookups.bandOwners(bands)).values()].flat())];
    const missing = owners.filter((id) => !touched.has(id));
    const loaded = missing.length > 0 ? await lookups.stories(missing) : new Map<string, StoryIdentity>();
    let best: { story: StoryIdentity; distance: number } | undefined;
    for (const id of owners) {
      const story = touched.get(id) ?? loaded.get(id);
      if (!story) continue;
      const distance = storyDistance(item.fingerprints, story.fingerprints);
      if (distance <= STORY_DISTANCE && (!best || distance < best.distance)) best = { story, distance };
    }
    return best?.story;
  }

  private async found(item: StoryCandidate, bands: string[], touched: Map<string, StoryIdentity>, lookups: BatchLookups): Promise<StoryIdentity> {
    // The id comes from the founding fingerprint: a redelivered founder founds the same story.
    const story: StoryIdentity = { id: `st-${item.fingerprints[0]}`, title: item.title, titleItemId: item.id, fingerprints: [...item.fingerprints], bands };
    const taken = await lookups.claim(bands, story, true);
    if (taken.size === 0) return story;
    // Another instance founded a story on some of these bands meanwhile, and neither story's
    // document exists yet. Both founders see each other's claims and must agree who joins whom:
    // a rival that also lost bands to us while founding decides by the same rule, the lower
    // story id stays; any other near rival (it got all its bands, or it is an older story
    // growing) stays whatever its id, and we join it.
    const won = bands.filter((b) => !taken.has(b));
    const rivals = new Map<string, BandClaim>();
    for (const claim of taken.values()) if (claim.storyId !== story.id) rivals.set(claim.storyId, claim);
    const contests = (rival: BandClaim) => rival.founding && rival.fingerprints.flatMap(bandKeys).some((b) => won.includes(b));
    const [rival] = [...rivals.values()]
      .filter((r) => storyDistance(item.fingerprints, r.fingerprints) <= STORY_DISTANCE)
      .filter((r) => !contests(r) || r.storyId < story.id)
      .sort((a, b) => (a.storyId < b.storyId ? -1 : 1));
    // Owner of the bands it won, member of the others (the claim made it one).
    if (!rival) return story;
    const joined =
      touched.get(rival.storyId) ??
      (await lookups.stories([rival.storyId])).get(rival.storyId) ?? {
        id: rival.storyId,
        title: rival.title,
        titleItemId: rival.titleItemId,
        fingerprints: [...rival.fingerprints],
        bands: [...new Set(rival.fingerprints.flatMap(bandKeys))].filter((b) => !won.includes(b)),
      };
    await lookups.reassign(won, joined);
    joined.fingerprints = withFingerprints(joined.fingerprints, item.fingerprints);
    joined.bands = [...new Set([...joined.bands, ...won])];
    return joined;
  }
}

/**
 * The store's answers within one batch. The band owners of every item of the batch are read in one
 * request at its start, and the stories they name in one more, instead of two requests per item
 * (the stage ran at a few hundred items/s at volume); a band this batch claims or reassigns is read
 * from the store again, so each item sees what the items before it did. A band another instance
 * claims after the batch's read is met when this one claims it (the claim answers its owner), as
 * in any race between instances.
 */
class BatchLookups {
  private readonly owners = new Map<string, string[]>();
  private readonly loaded = new Map<string, StoryIdentity>();

  constructor(private readonly store: StoryStore) {}

  async prefetch(bands: readonly string[]): Promise<void> {
    const wanted = [...new Set(bands)];
    if (wanted.length === 0) return;
    const found = await this.store.bandOwners(wanted);
    for (const band of wanted) this.owners.set(band, found.get(band) ?? []);
    const stories = [...new Set([...found.values()].flat())];
    if (stories.length > 0) for (const [id, story] of await this.store.stories(stories)) this.loaded.set(id, story);
  }

  async bandOwners(bands: readonly string[]): Promise<Map<string, string[]>> {
    const unknown = bands.filter((band) => !this.owners.has(band));
    if (unknown.length > 0) {
      const found = await this.store.bandOwners(unknown);
      for (const band of unknown) this.owners.set(band, found.get(band) ?? []);
    }
    return new Map(bands.map((band) => [band, this.owners.get(band)!] as const).filter(([, owners]) => owners.length > 0));
  }

  async stories(ids: readonly string[]): Promise<Map<string, StoryIdentity>> {
    const unknown = ids.filter((id) => !this.loaded.has(id));
    if (unknown.length > 0) for (const [id, story] of await this.store.stories(unknown)) this.loaded.set(id, story);
    return new Map(ids.filter((id) => this.loaded.has(id)).map((id) => [id, this.loaded.get(id)!]));
  }

  async claim(bands: readonly string[], story: StoryIdentity, founding: boolean): Promise<Map<string, BandClaim>> {
    for (const band of bands) this.owners.delete(band);
    return this.store.claim(bands, story, founding);
  }

  async reassign(bands: readonly string[], story: StoryIdentity): Promise<void> {
    for (const band of bands) this.owners.delete(band);
    await this.store.reassign(bands, story);
  }
}
