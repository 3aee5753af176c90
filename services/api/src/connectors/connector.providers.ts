import { ConnectorController } from './connector.controller';
import { ConnectorService } from './connector.service';
import { ConnectorStatusRepository } from './connector-status.repository';
import { FeedController } from './feed.controller';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';

/** Connectors and feeds, for the API module. */
export const CONNECTOR_CONTROLLERS = [ConnectorController, FeedController];
export const CONNECTOR_PROVIDERS = [ConnectorStatusRepository, FeedRepository, ConnectorService, FeedService];
