import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import {
  AUDIT_TRAIL,
  AuditTrail,
  ELASTICSEARCH,
  LOGGER,
  PlatformModule,
  type ElasticsearchClient,
  type Logger,
  type PlatformDeps,
} from '@liaowang/platform';
import { AlertRuleController } from './alert-rules/alert-rule.controller';
import { AlertRulePreviewService } from './alert-rules/alert-rule-preview.service';
import { AlertRuleRepository } from './alert-rules/alert-rule.repository';
import { AlertRuleService } from './alert-rules/alert-rule.service';
import { AlertController } from './alerts/alert.controller';
import { AlertHandlingService } from './alerts/alert-handling.service';
import { AlertLiveService } from './alerts/alert-live.service';
import { AlertRepository } from './alerts/alert.repository';
import { AuditController } from './audit/audit.controller';
import { AuditQueryService } from './audit/audit-query.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { BackupScheduleService } from './backups/backup-schedule.service';
import { IndexRetentionService } from './indices/index-retention.service';
import { CASE_CONTROLLERS, CASE_PROVIDERS } from './cases/case.providers';
import { CONNECTOR_CONTROLLERS, CONNECTOR_PROVIDERS } from './connectors/connector.providers';
import { STATEMENT_CONTROLLERS, STATEMENT_PROVIDERS } from './statements/statement.providers';
import { DutyController } from './duty/duty.controller';
import { DUTY_PROVIDERS } from './duty/duty.providers';
import { ESCALATION_CONTROLLERS, ESCALATION_PROVIDERS } from './escalation/escalation.providers';
import { RosterController } from './duty/roster.controller';
import { LoginThrottle } from './auth/login-throttle';
import { UserAdminService } from './users/user-admin.service';
import { UserController } from './users/user.controller';
import { UserRepository } from './auth/user.repository';
import { ItemController } from './items/item.controller';
import { ItemRawController } from './items/item-raw.controller';
import { ItemRawService } from './items/item-raw.service';
import { ItemSearchService } from './items/item-search.service';
import { PublicReportModule } from './public-reports/public-report.module';
import { LiveGateway } from './live/live.gateway';
import { SEARCH_CONTROLLERS, SEARCH_PROVIDERS } from './search/search.providers';
import { SpikeController } from './spikes/spike.controller';
import { SpikeRepository } from './spikes/spike.repository';
import { StoryController } from './stories/story.controller';
import { StoryRepository } from './stories/story.repository';

@Module({})
export class ApiModule {
  static forRoot(deps: PlatformDeps & { es: ElasticsearchClient }): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(deps), ScheduleModule.forRoot(), PublicReportModule],
      controllers: [AuthController, ItemController, ItemRawController, AuditController, UserController, AlertRuleController, AlertController, RosterController, DutyController, ...ESCALATION_CONTROLLERS, ...CASE_CONTROLLERS, ...STATEMENT_CONTROLLERS, ...SEARCH_CONTROLLERS, StoryController, SpikeController, ...CONNECTOR_CONTROLLERS],
      providers: [
        { provide: ELASTICSEARCH, useValue: deps.es },
        StoryRepository,
        SpikeRepository,
        {
          provide: AUDIT_TRAIL,
          useFactory: (es: ElasticsearchClient, logger: Logger) => new AuditTrail(es, logger.child({ component: 'audit' })),
          inject: [ELASTICSEARCH, LOGGER],
        },
        UserRepository,
        LoginThrottle,
        UserAdminService,
        AuthService,
        ItemSearchService,
        ItemRawService,
        AuditQueryService,
        AlertRuleRepository,
        AlertRuleService,
        AlertRulePreviewService,
        AlertRepository,
        AlertHandlingService,
        AlertLiveService,
        LiveGateway,
        BackupScheduleService,
        IndexRetentionService,
        ...DUTY_PROVIDERS,
        ...ESCALATION_PROVIDERS,
        ...CASE_PROVIDERS,
        ...STATEMENT_PROVIDERS,
        ...SEARCH_PROVIDERS,
        ...CONNECTOR_PROVIDERS,
      ],
    };
  }
}
