import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  ALERT_RULE_VERSIONS_INDEX_NAME,
  ALERT_RULES_INDEX_NAME,
  ALERTS_INDEX_NAME,
  alertRulesIndex,
  alertRuleVersionsIndex,
  alertsIndex,
  ALL_TOPICS,
  AUDIT_INDEX_NAME,
  auditIndex,
  CASE_CLOCK_POLICY_INDEX_NAME,
  CASE_FILES_INDEX_NAME,
  caseClockPolicyIndex,
  caseFilesIndex,
  CASES_INDEX_NAME,
  casesIndex,
  ESCALATION_POLICY_INDEX_NAME,
  ESCALATION_TIMERS_INDEX_NAME,
  escalationPolicyIndex,
  escalationTimersIndex,
  HANDOVERS_INDEX_NAME,
  handoversIndex,
  itemsIndex,
  LOGIN_ATTEMPTS_INDEX_NAME,
  loginAttemptsIndex,
  NOTIFY_CHANNELS_INDEX_NAME,
  NOTIFY_DELIVERIES_INDEX_NAME,
  notifyChannelsIndex,
  notifyDeliveriesIndex,
  ROSTER_INDEX_NAME,
  rosterIndex,
  SAVED_SEARCHES_INDEX_NAME,
  savedSearchesIndex,
  SESSIONS_INDEX_NAME,
  sessionsIndex,
  SILENCES_INDEX_NAME,
  silencesIndex,
  usersIndex,
  USERS_INDEX_NAME,
} from '@liaowang/contract';
import {
  createElasticsearchClient,
  createHttpApp,
  createLogger,
  ensureIndex,
  ensureIndexTemplate,
  isElasticsearchReady,
  KafkaPort,
  Metrics,
  serveOpenApi,
  type Settings,
} from '@liaowang/platform';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiModule } from './api.module';
import { API_OPENAPI } from './api-openapi';

/** The API service (REST, Socket.IO, dashboard files), ready to listen: for main.ts and tests. */
export async function createApiApp(settings: Settings): Promise<INestApplication> {
  const logger = createLogger('api', settings.LOG_LEVEL);
  const metrics = new Metrics('api');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'liaowang-api', logger, metrics);
  await kafka.ensureTopics(ALL_TOPICS);
  const es = createElasticsearchClient(settings.ES_URL);
  await ensureIndexTemplate(es, itemsIndex);
  await ensureIndexTemplate(es, usersIndex);
  if (!(await es.indices.exists({ index: USERS_INDEX_NAME }))) {
    await es.indices.create({ index: USERS_INDEX_NAME }).catch((error: { meta?: { statusCode?: number } }) => {
      if (error.meta?.statusCode !== 400) throw error; // created by another instance meanwhile
    });
  }
  await ensureIndexTemplate(es, sessionsIndex);
  await ensureIndex(es, SESSIONS_INDEX_NAME);
  await ensureIndexTemplate(es, loginAttemptsIndex);
  await ensureIndex(es, LOGIN_ATTEMPTS_INDEX_NAME);
  await ensureIndexTemplate(es, auditIndex);
  await ensureIndex(es, AUDIT_INDEX_NAME);
  // The stream's recorder writes alerts; the API writes rules and moves, and may start first.
  for (const [template, index] of [
    [alertRulesIndex, ALERT_RULES_INDEX_NAME],
    [alertRuleVersionsIndex, ALERT_RULE_VERSIONS_INDEX_NAME],
    [alertsIndex, ALERTS_INDEX_NAME],
    [rosterIndex, ROSTER_INDEX_NAME],
    [handoversIndex, HANDOVERS_INDEX_NAME],
    [escalationPolicyIndex, ESCALATION_POLICY_INDEX_NAME],
    [escalationTimersIndex, ESCALATION_TIMERS_INDEX_NAME],
    [silencesIndex, SILENCES_INDEX_NAME],
    [notifyChannelsIndex, NOTIFY_CHANNELS_INDEX_NAME],
    [notifyDeliveriesIndex, NOTIFY_DELIVERIES_INDEX_NAME],
    [casesIndex, CASES_INDEX_NAME],
    [caseFilesIndex, CASE_FILES_INDEX_NAME],
    [caseClockPolicyIndex, CASE_CLOCK_POLICY_INDEX_NAME],
    [savedSearchesIndex, SAVED_SEARCHES_INDEX_NAME],
  ] as const) {
    await ensureIndexTemplate(es, template);
    await ensureIndex(es, index);
  }
  const app = (await createHttpApp(
    ApiModule.forRoot({
      settings,
      logger,
      kafka,
      metrics,
      es,
      probes: { kafka: () => kafka.isReachable(), elasticsearch: () => isElasticsearchReady(es) },
    }),
    logger,
    { trustedProxies: settings.TRUSTED_PROXIES },
  )) as NestExpressApplication;
  serveOpenApi(app, API_OPENAPI);
  if (settings.DASHBOARD_DIST) serveDashboard(app, settings.DASHBOARD_DIST);
  return app;
}

// Paths the server answers itself; every other GET is a page of the single-page dashboard.
// The fallback runs before Nest's routes, so a path missing here would answer index.html.
const SERVER_PATHS = ['/api', '/health', '/socket.io', '/metrics'];

const isServerPath = (path: string) => SERVER_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/** Serves the built dashboard: files as they are, and index.html for any other non-API path. */
function serveDashboard(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`DASHBOARD_DIST has no index.html: ${dist}`);
  app.useStaticAssets(dist, { index: 'index.html', maxAge: '1h' });
  app.use((req: { method: string; path: string }, res: { sendFile(p: string): void }, next: () => void) => {
    if (req.method === 'GET' && !isServerPath(req.path)) return res.sendFile(index);
    next();
  });
}
