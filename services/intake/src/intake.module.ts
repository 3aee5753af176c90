import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule, type PlatformDeps } from '@liaowang/platform';
import { ConnectorMetrics } from './connectors/connector-metrics';
import { ConnectorStatusBook } from './connectors/connector-status.book';
import { FeedPoller } from './connectors/feed-poller';
import { DeadLetterCounter } from './items/dead-letter-counter';
import { ItemIntakeService } from './items/item-intake.service';
import { ItemPushController } from './items/item-push.controller';
import { SimulatorConnector } from './simulator/simulator.connector';

@Module({})
export class IntakeModule {
  static forRoot(deps: PlatformDeps): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.forRoot(deps), ScheduleModule.forRoot()],
      controllers: [ItemPushController],
      providers: [ItemIntakeService, DeadLetterCounter, SimulatorConnector, ConnectorMetrics, ConnectorStatusBook, FeedPoller],
    };
  }
}
