import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformModule, type PlatformDeps } from '@liaowang/platform';
import { MentionController } from './mentions/mention.controller';
import { MentionIntakeService } from './mentions/mention-intake.service';
import { SimulatorConnector } from './simulator/simulator.connector';

@Module({})
export class IntakeModule {
  static forRoot(deps: PlatformDeps): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.forRoot(deps), ScheduleModule.forRoot()],
      controllers: [MentionController],
      providers: [MentionIntakeService, SimulatorConnector],
    };
  }
}
