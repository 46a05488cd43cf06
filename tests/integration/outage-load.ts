/**
 * A bounded load for outage tests: each round sends logins, evidence check-ins, anonymous
 * public reads and public reads by signed-in residents at once, and the tally counts answers by kind and status, plus
 * any 503 that did not say when to come back.
 */
import type { Quest } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { DEMO, DEMO_PASSWORD, type TestServer } from '../support/harness';
import { checkIn, createQuest, joinQuest, LIBRARY } from './evidence-fixtures';

export type LoadKind = 'login' | 'evidence' | 'public' | 'signedInPublic';
const ALL_KINDS: LoadKind[] = ['login', 'evidence', 'public', 'signedInPublic'];

export class Tally {
  readonly byKind: Record<LoadKind, Record<number, number>> = {
    login: {},
    evidence: {},
    public: {},
    signedInPublic: {},
  };
  /** 503s without a Retry-After header. */
  missingRetryAfter = 0;

  add(kind: LoadKind, status: number, retryAfter: string | null): void {
    const counts = this.byKind[kind];
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === 503 && !retryAfter) this.missingRetryAfter += 1;
  }

  count(predicate: (status: number) => boolean, kinds: LoadKind[] = ALL_KINDS) {
    let n = 0;
    for (const kind of kinds)
      for (const [status, c] of Object.entries(this.byKind[kind]))
        if (predicate(Number(status))) n += c;
    return n;
  }

  get total(): number {
    return this.count(() => true);
  }
}

export interface LoadRig {
  round(tally: Tally): Promise<void>;
}

/**
 * Check-ins are sent from the library, far from the quest: verification rejects them, which
 * lets the same resident send again, so every round can submit (a 409 while one is pending).
 */
export async function prepareLoad(server: TestServer, residents = 3): Promise<LoadRig> {
  const officer = await server.login(DEMO.officer);
  const quest: Quest = await createQuest(officer);
  const people: TestClient[] = [];
  for (let i = 0; i < residents; i++) {
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    people.push(resident);
  }
  const send = async (
    kind: LoadKind,
    tally: Tally,
    request: () => Promise<{ status: number; headers: Headers }>,
  ) => {
    try {
      const res = await request();
      tally.add(kind, res.status, res.headers.get('retry-after'));
    } catch {
      // No answer at all (the connection failed) counts as status 0.
      tally.add(kind, 0, null);
    }
  };
  return {
    async round(tally) {
      const anonymous = server.client();
      await Promise.all([
        send('login', tally, () =>
          server.client().post('/api/auth/login', { email: DEMO.ben, password: DEMO_PASSWORD }),
        ),
        send('login', tally, () =>
          server.client().post('/api/auth/login', { email: DEMO.amara, password: DEMO_PASSWORD }),
        ),
        ...people.map((resident) =>
          send('evidence', tally, () => checkIn(resident, quest.id, LIBRARY)),
        ),
        send('public', tally, () => anonymous.get('/api/areas/oakfield')),
        send('public', tally, () => anonymous.get(`/api/quests/${quest.id}`)),
        send('public', tally, () => anonymous.get('/api/areas/oakfield/quests')),
        ...people.map((resident) =>
          send('signedInPublic', tally, () => resident.get('/api/areas/oakfield/quests')),
        ),
      ]);
    },
  };
}

/** Polls health (a bounded number of times) until every dependency answers again. */
export async function untilHealthy(server: TestServer, attempts = 300): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const res = await server.client().get('/api/health');
    if (res.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not report healthy again');
}
