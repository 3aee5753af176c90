import { Inject, Injectable } from '@nestjs/common';
import type { SavedSearch, SavedSearchInput, SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { SavedSearchRepository } from './saved-search.repository';

/** Saved searches per user (R-UI-2): only the owner lists or deletes theirs; saves and deletes are audited. */
@Injectable()
export class SavedSearchService {
  constructor(
    private readonly searches: SavedSearchRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  list(user: SessionUser): Promise<SavedSearch[]> {
    return this.searches.listOf(user.username);
  }

  async create(user: SessionUser, input: SavedSearchInput, context: AuditRequestContext): Promise<SavedSearch> {
    const search: SavedSearch = { id: randomUUID(), owner: user.username, name: input.name, query: input.query, createdAt: new Date().toISOString() };
    await this.searches.save(search);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'searches.save',
      target: { type: 'saved-search', id: search.id },
      after: { name: search.name, query: search.query },
      outcome: 'success',
      ...context,
    });
    return search;
  }

  async remove(user: SessionUser, id: string, context: AuditRequestContext): Promise<SavedSearch> {
    const current = await this.searches.find(id);
    // Another user's search answers as if it did not exist: its name is theirs.
    if (!current || current.owner !== user.username) {
      throw ProblemException.notFound(`No saved search ${id}`);
    }
    await this.searches.remove(id);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'searches.delete',
      target: { type: 'saved-search', id },
      before: { name: current.name, query: current.query },
      outcome: 'success',
      ...context,
    });
    return current;
  }
}
