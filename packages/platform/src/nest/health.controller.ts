import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { Public } from './public.decorator';

export const READINESS_PROBES = Symbol('READINESS_PROBES');
export type ReadinessProbes = Record<string, () => Promise<boolean>>;

interface StatusResponse {
  status(code: number): StatusResponse;
  json(body: unknown): void;
}

/** Liveness and readiness for orchestrators (R-OPS-4); public, and they reveal no data. */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_PROBES) private readonly probes: ReadinessProbes) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res() response: StatusResponse) {
    const checks = Object.fromEntries(
      await Promise.all(Object.entries(this.probes).map(async ([name, probe]) => [name, await probe()] as const)),
    );
    const ok = Object.values(checks).every(Boolean);
    response.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  }
}
