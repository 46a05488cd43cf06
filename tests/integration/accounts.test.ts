import { describe, expect, it } from 'vitest';
import { DEMO, uniqueSuffix, type TestServer } from '../support/harness';
import { useTestServer } from '../support/use-server';

interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  requestId?: string;
}

const paths = (body: ErrorBody) => (body.issues ?? []).map((i) => i.path).sort();

describe('accounts', () => {
  const suite = useTestServer();

  const register = (body: Record<string, unknown>) =>
    suite.server.client().post<ErrorBody>('/api/auth/register', body);
  /** The status a fresh browser gets signing in with these credentials. */
  const loginStatus = async (email: string, password: string) =>
    (await suite.server.client().post('/api/auth/login', { email, password })).status;

  it('registers with a normalised email and answers the profile', async () => {
    const c = suite.server.client();
    const email = `Mixed.${uniqueSuffix()}@Example.TEST`;
    const res = await c.post<{
      email: string;
      displayName: string;
      progress: { level: number; totalXp: number };
    }>('/api/auth/register', {
      displayName: '  Nia  ',
      email: `  ${email} `,
      password: 'a long enough password',
    });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe(email.toLowerCase());
    expect(res.body.displayName).toBe('Nia');
    expect(res.body.progress).toMatchObject({ level: 1, totalXp: 0 });
    const cookie = res.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/gc\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('refuses a duplicate email, whatever its case, with 409 naming email', async () => {
    const email = `dup-${uniqueSuffix()}@example.test`;
    expect(
      (await register({ displayName: 'One', email, password: 'a long enough password' })).status,
    ).toBe(201);
    const again = await register({
      displayName: 'Two',
      email: email.toUpperCase(),
      password: 'another long password',
    });
    expect(again.status).toBe(409);
    expect(paths(again.body)).toEqual(['email']);
  });

  it.each([
    [{}, ['displayName', 'email', 'password']],
    [{ displayName: 'Al', email: 'al@example.test', password: 'short' }, ['password']],
    [
      { displayName: 'x'.repeat(41), email: 'al@example.test', password: 'a long enough password' },
      ['displayName'],
    ],
    [
      {
        displayName: 'Bad\u0007Name',
        email: 'al@example.test',
        password: 'a long enough password',
      },
      ['displayName'],
    ],
    [{ displayName: 42, email: ['a'], password: true }, ['displayName', 'email', 'password']],
    [
      {
        displayName: 'Al',
        email: `${'a'.repeat(250)}@example.test`,
        password: 'a long enough password',
      },
      ['email'],
    ],
    [{ displayName: 'Al', email: 'al@example.test', password: 'p'.repeat(201) }, ['password']],
  ])('answers 400 naming each bad field (%#)', async (body, expected) => {
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
    expect(paths(res.body)).toEqual(expected);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await suite.server
      .client()
      .post<ErrorBody>('/api/auth/login', { email: DEMO.amara, password: 'not the password' });
    const unknown = await suite.server.client().post<ErrorBody>('/api/auth/login', {
      email: `nobody-${uniqueSuffix()}@example.test`,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const { requestId: _a, ...wrongBody } = wrong.body;
    const { requestId: _b, ...unknownBody } = unknown.body;
    expect(wrongBody).toEqual(unknownBody);
  });

  it('rotates the session id on login and destroys it on logout', async () => {
    const c = suite.server.client();
    const email = `rot-${uniqueSuffix()}@example.test`;
    const password = 'a long enough password';
    await c.post('/api/auth/register', { displayName: 'Rot', email, password });
    const before = c.cookieHeader;
    const stale = suite.server.client();
    stale.setCookie('gc.sid', before.split('gc.sid=')[1]!);
    await c.post('/api/auth/login', { email, password });
    expect(c.cookieHeader).not.toBe(before);
    expect((await stale.get('/api/me')).status).toBe(401);
    expect((await c.get('/api/me')).status).toBe(200);

    const afterLogin = suite.server.client();
    afterLogin.setCookie('gc.sid', c.cookieHeader.split('gc.sid=')[1]!);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await afterLogin.get('/api/me')).status).toBe(401);
  });

  it('refuses a forged or expired session cookie', async () => {
    const forged = suite.server.client();
    forged.setCookie('gc.sid', 's%3Aforged-session-id.invalidsignature');
    expect((await forged.get('/api/me')).status).toBe(401);

    const c = await suite.server.newResident();
    const sid = decodeURIComponent(c.cookieHeader.split('gc.sid=')[1]!).slice(2).split('.')[0]!;
    // Redis expiring the session is what happens after 30 idle days.
    await suite.server.handle.infra.redis.del(`${suite.server.prefix}:sess:${sid}`);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('changes the password only with the current one', async () => {
    const c = await suite.server.newResident();
    const wrong = await c.post<ErrorBody>('/api/me/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(401);
    expect(paths(wrong.body)).toEqual(['currentPassword']);
    const ok = await c.post('/api/me/password', {
      currentPassword: 'correct-horse-battery',
      newPassword: 'a brand new password',
    });
    expect(ok.status).toBe(204);
    expect(await loginStatus(c.email, 'correct-horse-battery')).toBe(401);
    expect(await loginStatus(c.email, 'a brand new password')).toBe(200);
  });

  it('exports the person’s data and deletes the account, keeping no personal data', async () => {
    const c = await suite.server.newResident('Leaving Soon');
    const exported = await c.get<{ profile: { email: string; displayName: string } }>(
      '/api/me/export',
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.profile).toMatchObject({ email: c.email, displayName: 'Leaving Soon' });

    expect((await c.delete('/api/me', { password: 'wrong password!' })).status).toBe(401);
    expect((await c.delete('/api/me', { password: 'correct-horse-battery' })).status).toBe(204);
    expect((await c.get('/api/me')).status).toBe(401);
    expect(await loginStatus(c.email, 'correct-horse-battery')).toBe(401);
    const officer = await suite.server.login(DEMO.officer);
    const members = await officer.get<{ items: { userId: string }[] }>(
      '/api/areas/oakfield/members',
    );
    expect(members.body.items.map((m) => m.userId)).not.toContain(c.userId);
    // The same email can register again: the old row no longer holds it.
    expect(
      (
        await register({
          displayName: 'Back Again',
          email: c.email,
          password: 'a long enough password',
        })
      ).status,
    ).toBe(201);
  });
});

describe('CSRF and cookies', () => {
  const suite = useTestServer({ seed: false, env: { PUBLIC_URL: 'https://govcraft.example' } });

  const body = () => ({
    displayName: 'Csrf',
    email: `c-${uniqueSuffix()}@example.test`,
    password: 'a long enough password',
  });

  it('refuses state changes from another origin or a cross-site fetch', async () => {
    const evil = await suite.server
      .client()
      .post<ErrorBody>('/api/auth/register', body(), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error).toBe('csrf');
    const crossSite = await suite.server
      .client()
      .post<ErrorBody>('/api/auth/register', body(), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await suite.server.client().post('/api/auth/register', body(), {
      origin: 'https://govcraft.example',
      'x-forwarded-proto': 'https',
    });
    expect(same.status).toBe(201);
  });

  it('marks the session cookie Secure when the public URL is https', async () => {
    const res = await suite.server
      .client()
      .post('/api/auth/register', body(), { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie().join(';')).toMatch(/Secure/i);
  });
});

describe('rate limits', () => {
  const suite = useTestServer({ env: { RATE_LIMIT_MULTIPLIER: '1' } });

  it('answers brute force on one account with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<TestServer['client']>['post']>> | null = null;
    for (let i = 0; i < 12; i++) {
      last = await suite.server
        .client()
        .post('/api/auth/login', { email: DEMO.ben, password: `guess number ${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits until the budget refills.
    expect(
      (
        await suite.server
          .client()
          .post('/api/auth/login', { email: DEMO.ben, password: 'oakfield-demo-2026' })
      ).status,
    ).toBe(429);
  });
});
