/**
 * Issue 17, "HTTP hardening": every answer carries the browser's security headers (helmet), API
 * answers are never cached, the server does not name its framework, and the API documents and
 * /metrics are not on the public port unless configured.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';

describe('HTTP hardening', () => {
  let system: TestCasework;

  beforeAll(async () => {
    // The defaults of a deployment (no API_DOCS, no METRICS, NODE_ENV not development).
    system = await startTestCasework({ exposure: { apiDocs: false, metrics: false } });
  }, 60_000);

  afterAll(() => system.stop());

  it('sends the security headers and no X-Powered-By on API answers, errors included', async () => {
    for (const [path, token] of [['/api/auth/me', system.admin.token], ['/api/auth/me', undefined], ['/api/no-such-thing', system.admin.token]] as const) {
      const response = await fetch(`${system.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const headers = Object.fromEntries(response.headers);
      expect({ path, csp: headers['content-security-policy'] }).toEqual({ path, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps the API documents and /metrics off the public port by default', async () => {
    for (const path of ['/api/docs', '/api/docs-json', '/metrics']) {
      expect({ path, status: (await fetch(`${system.app.url}${path}`)).status }).toEqual({ path, status: 404 });
    }
    // The liveness check stays public.
    expect((await fetch(`${system.app.url}/health`)).status).toBeLessThan(500);
  });
});
