import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOG_DIR, REPO_ROOT, RUN_DIR } from './repo-paths';
import type { LocalService } from './services';

const pidFile = (name: string) => resolve(RUN_DIR, `${name}.pid`);
export const logFile = (name: string) => resolve(LOG_DIR, `${name}.log`);

export function runningPid(name: string): number | null {
  if (!existsSync(pidFile(name))) return null;
  const pid = Number(readFileSync(pidFile(name), 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(pidFile(name), { force: true });
    return null;
  }
}

/** Starts a service detached, logging to a file, unless it already runs. Returns its pid. */
export function startService(service: LocalService, env: Record<string, string>): number {
  const existing = runningPid(service.name);
  if (existing) return existing;
  mkdirSync(RUN_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const out = openSync(logFile(service.name), 'a');
  const child = spawn(process.execPath, [service.entry, ...(service.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ...service.env?.({ ...process.env, ...env } as Record<string, string>) },
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  writeFileSync(pidFile(service.name), String(child.pid));
  return child.pid!;
}

/** SIGTERM, then SIGKILL after the timeout; by pid file, never by name. */
export async function stopService(name: string, timeoutMs = 10_000): Promise<boolean> {
  const pid = runningPid(name);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && runningPid(name)) await new Promise((r) => setTimeout(r, 100));
  if (runningPid(name)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(name), { force: true });
  return true;
}

export async function waitForUrl(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
