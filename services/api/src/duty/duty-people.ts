import { Inject, Injectable } from '@nestjs/common';
import {
  SHIFT_POST_NAMES,
  SHIFT_POSTS,
  USERS_INDEX_NAME,
  type DutyPerson,
  type RosterShift,
  type Shift,
  type ShiftPost,
  type UserDocument,
} from '@liaowang/contract';
import { ELASTICSEARCH, foundDocs, type ElasticsearchClient } from '@liaowang/platform';

/** A post filled by someone who may not hold it, named by the field (answered as 422). */
export interface PostBreach {
  field: string;
  message: string;
}

/** The people of the roster: display names to show, and whether each may hold their post. */
@Injectable()
export class DutyPeople {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** The shifts with the display name of everyone on them (the username when the user is gone). */
  async named(shifts: readonly Shift[]): Promise<RosterShift[]> {
    const users = await this.load(shifts);
    return shifts.map((shift) => {
      const people: Partial<Record<ShiftPost, DutyPerson>> = {};
      for (const post of SHIFT_POST_NAMES) {
        const username = shift[post];
        if (username) people[post] = { username, displayName: users.get(username)?.displayName ?? username };
      }
      return { ...shift, people };
    });
  }

  /** The first post held by an unknown or disabled user, or by a role SHIFT_POSTS does not allow there. */
  async firstBreach(shifts: readonly Shift[]): Promise<PostBreach | undefined> {
    const users = await this.load(shifts);
    for (const [i, shift] of shifts.entries()) {
      for (const post of SHIFT_POST_NAMES) {
        const username = shift[post];
        if (!username) continue;
        const field = `shifts.${i}.${post}`;
        const user = users.get(username);
        if (!user) return { field, message: `no user named ${username}` };
        if (user.disabled) return { field, message: `${username} is disabled` };
        const allowed: readonly string[] = SHIFT_POSTS[post];
        if (!allowed.includes(user.role)) return { field, message: `${post} must be held by ${allowed.join(' or ')}; ${username} is ${user.role}` };
      }
    }
    return undefined;
  }

  private async load(shifts: readonly Shift[]): Promise<Map<string, UserDocument>> {
    const names = [...new Set(shifts.flatMap((s) => SHIFT_POST_NAMES.map((post) => s[post]).filter((n): n is string => Boolean(n))))];
    if (names.length === 0) return new Map();
    const result = await this.es.mget<UserDocument>({ index: USERS_INDEX_NAME, ids: names });
    const users = new Map<string, UserDocument>();
    for (const { source } of foundDocs(result.docs, 'user')) users.set(source.username, source);
    return users;
  }
}
