import type { Alert, AlertListResponse, AlertRule, AlertRuleInput } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { eventually, type TestSystem } from './test-system';

/** A keyword no other test posts: alerts of a test come from its own rule only. */
export const uniqueKeyword = (prefix = '告警') => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;

export async function callApi(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Creates a rule through the API and waits until the stream's rule book has surely reloaded it
 * (the tests run it with ALERT_RULES_RELOAD_SECONDS=1).
 */
export async function createRule(system: TestSystem, token: string, input: AlertRuleInput): Promise<AlertRule> {
  const response = await callApi(system.apiUrl, token, 'POST', '/api/v1/alert-rules', input);
  if (response.status !== 201) throw new Error(`create rule: ${response.status} ${await response.text()}`);
  const rule = (await response.json()) as AlertRule;
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  return rule;
}

/** Posts a mention to intake over HTTP, as a connector would. */
export async function postMention(system: TestSystem, text: string): Promise<string> {
  const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
    body: JSON.stringify({
      sourceId: randomUUID(),
      platform: 'weibo',
      author: { id: 'u-alert-e2e', name: '告警测试' },
      text,
      publishedAt: new Date().toISOString(),
    }),
  });
  if (response.status !== 202) throw new Error(`intake: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The alerts of one rule, newest first. */
export async function alertsOfRule(baseUrl: string, token: string, ruleId: string): Promise<Alert[]> {
  const response = await callApi(baseUrl, token, 'GET', `/api/v1/alerts?ruleId=${encodeURIComponent(ruleId)}&size=200`);
  if (response.status !== 200) throw new Error(`list alerts: ${response.status}`);
  return ((await response.json()) as AlertListResponse).alerts;
}

/** Waits until the rule has raised at least `count` alerts. */
export function waitForAlerts(system: TestSystem, token: string, ruleId: string, count: number): Promise<Alert[]> {
  return eventually(
    async () => {
      const alerts = await alertsOfRule(system.apiUrl, token, ruleId);
      return alerts.length >= count ? alerts : undefined;
    },
    90_000,
    `${count} alert(s) of ${ruleId}`,
  );
}
