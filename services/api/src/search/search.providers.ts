import { SavedSearchController } from './saved-search.controller';
import { SavedSearchRepository } from './saved-search.repository';
import { SavedSearchService } from './saved-search.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

/** The search console's routes beside GET /api/v1/items: chart series and saved searches. */
export const SEARCH_CONTROLLERS = [StatsController, SavedSearchController];
export const SEARCH_PROVIDERS = [StatsService, SavedSearchRepository, SavedSearchService];
