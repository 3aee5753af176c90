import { ROLES } from '@liaowang/contract';
import { legacyHashPath, routeOfPath, routePath, routePattern, routesFor, ROUTES, ROUTE_ACTIONS, DEFAULT_ROUTE } from './routes';

describe('routes', () => {
  it('gives every page a permission action, and every role the default page', () => {
    for (const route of ROUTES) expect(ROUTE_ACTIONS[route]).toEqual(expect.any(String));
    for (const role of ROLES) expect(routesFor(role)).toContain(DEFAULT_ROUTE);
  });

  it('shows a screen only what it may read', () => {
    expect(routesFor('screen')).not.toContain('users');
    expect(routesFor('admin')).toContain('users');
  });

  it('gives the pages that open one thing an optional id in their pattern', () => {
    expect(ROUTES.map(routePattern)).toEqual(['live', 'search', 'stories/:id?', 'alerts/:id?', 'cases/:id?', 'rules', 'roster', 'handover', 'audit', 'users', 'notify', 'connectors']);
  });

  it('builds real paths, escaping the id', () => {
    expect(routePath('alerts')).toBe('/alerts');
    expect(routePath('cases', 'case/9 x')).toBe('/cases/case%2F9%20x');
  });

  it('knows which page a path is, and which paths are none', () => {
    expect(routeOfPath('/alerts')).toBe('alerts');
    expect(routeOfPath('/stories/abc')).toBe('stories');
    expect(routeOfPath('/cases/')).toBe('cases');
    expect(routeOfPath('/users/abc')).toBeUndefined();
    expect(routeOfPath('/cases/a/b')).toBeUndefined();
    expect(routeOfPath('/nowhere')).toBeUndefined();
    expect(routeOfPath('/')).toBeUndefined();
  });

  it('turns an old hash link into the path it means', () => {
    expect(legacyHashPath('#/alerts')).toBe('/alerts');
    expect(legacyHashPath('#/cases/case%2F9')).toBe('/cases/case%2F9');
    expect(legacyHashPath('#/alerts?alert=alert-7')).toBe('/alerts/alert-7');
    expect(legacyHashPath('#/search?q=%E5%81%9C%E6%B0%B4')).toBe('/search?q=%E5%81%9C%E6%B0%B4');
    expect(legacyHashPath('#/')).toBe('/');
  });

  it('leaves other hashes alone', () => {
    expect(legacyHashPath('')).toBeNull();
    expect(legacyHashPath('#')).toBeNull();
    expect(legacyHashPath('#section-2')).toBeNull();
  });
});
