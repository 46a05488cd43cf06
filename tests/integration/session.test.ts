import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import { useTestServer } from '../support/use-server';

describe('GET /api/session', () => {
  const suite = useTestServer();

  it('answers a visitor 200 with no profile, so a first visit logs no error', async () => {
    const res = await suite.server.client().get<{ me: unknown }>('/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ me: null });
  });

  it('answers a signed-in resident with the same profile /api/me gives', async () => {
    const resident = await suite.server.login(DEMO.amara);
    const session = await resident.get<{ me: { id: string; email: string } }>('/api/session');
    const me = await resident.get<{ id: string; email: string }>('/api/me');
    expect(session.status).toBe(200);
    expect(session.body.me).toEqual(me.body);
    expect(session.body.me.email).toBe(DEMO.amara);
  });
});
