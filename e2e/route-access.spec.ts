import 'reflect-metadata';
import { ACTIONS, PUBLIC_ROLE } from '@liaowang/contract';
import { ApiModule } from '@liaowang/api';
import { IntakeModule } from '@liaowang/intake';
import { controllersOf, declaredRoutes, type PlatformDeps } from '@liaowang/platform';

// The modules are only read for their controllers here, never started.
const deps = { settings: { AUTH_TOKEN_SECRET: 'x'.repeat(32), SESSION_TTL_MINUTES: 1 } } as unknown as PlatformDeps;
const services = {
  api: ApiModule.forRoot({ ...deps, es: {} as never }),
  intake: IntakeModule.forRoot(deps),
};

describe('every route declares its access (R-SEC-1)', () => {
  it.each(Object.entries(services))('%s: each route names an action of the table or is public', (_name, module) => {
    const routes = declaredRoutes(controllersOf(module));
    expect(routes.length).toBeGreaterThan(2);
    const open = routes.filter((route) => route.access === undefined).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(open).toEqual([]);
    for (const route of routes) expect([...ACTIONS, PUBLIC_ROLE]).toContain(route.access);
  });

  it('only sign-in, the public report form, health and metrics are public', () => {
    const publicRoutes = Object.values(services)
      .flatMap((module) => declaredRoutes(controllersOf(module)))
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect([...new Set(publicRoutes)].sort()).toEqual(['GET /health/live', 'GET /health/ready', 'GET /metrics', 'POST /api/v1/auth/login', 'POST /api/v1/public/reports']);
  });
});
