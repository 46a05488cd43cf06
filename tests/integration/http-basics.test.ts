import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';

describe('HTTP basics', () => {
  const suite = useTestServer({ seed: false });

  it('answers /api/health with every component up', async () => {
    const res = await suite.server.client().get<{
      status: string;
      database: { status: string; kind: string };
      redis: { status: string };
      queues: { status: string };
    }>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database).toMatchObject({ status: 'up', kind: 'postgres' });
    expect(res.body.redis.status).toBe('up');
    expect(res.body.queues.status).toBe('up');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await suite.server
      .client()
      .get<{ error: string; requestId: string }>('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
    expect(res.body.requestId).toMatch(/.{8,}/);
  });

  it('names each bad field in a 400', async () => {
    const res = await suite.server
      .client()
      .post<{ error: string; issues: { path: string }[] }>('/api/auth/register', {
        email: 'not-an-email',
        password: 7,
      });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
    expect(res.body.issues.map((i) => i.path).sort()).toEqual(['displayName', 'email', 'password']);
  });

  it('rejects malformed JSON with a 400, not a 500', async () => {
    const res = await suite.server
      .client()
      .post<{ error: string }>('/api/auth/login', '{"email":', {
        'content-type': 'application/json',
      });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
  });

  it('refuses to be framed by any page', async () => {
    const res = await suite.server.client().get('/api/health');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('lets no cache keep what a signed-in person is sent', async () => {
    const person = suite.server.client();
    const registered = await person.post('/api/auth/register', {
      displayName: 'Cache Tester',
      email: `cache-${uniqueSuffix()}@example.test`,
      password: 'correct-horse-battery',
    });
    expect(registered.status).toBe(201);
    for (const path of ['/api/me', '/api/me/export', '/api/areas', '/api/no-such-thing']) {
      const res = await person.get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('compresses large answers for phones on slow connections', async () => {
    const res = await fetch(`${suite.server.url}/api/openapi.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
