/**
 * One server serving the freshly built client per describe block, and the browsers its tests
 * open: the client is built and the server started before the first test; every browser
 * opened through the suite is closed after the last, before the server.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from '../../support/client';
import type { TestServer } from '../../support/harness';
import { useTestServer } from '../../support/use-server';
import { adoptSession, DESKTOP, ensureClientBuilt, openBrowser, type Person } from './browser';

type Viewport = { width: number; height: number };

export interface BrowserSuite {
  /** Filled in `beforeAll`: read it inside tests and hooks. */
  readonly server: TestServer;
  /** A browser with no session. */
  open(viewport?: Viewport): Promise<Person>;
  /** A browser signed in with `client`'s session (API set-up, assertions in the page). */
  openAs(client: Pick<TestClient, 'cookieHeader'>, viewport?: Viewport): Promise<Person>;
}

export function useBrowserSuite(): BrowserSuite {
  beforeAll(() => ensureClientBuilt());
  const suite = useTestServer({ serveClient: true });
  const people: Person[] = [];
  // Hooks run as a stack: this one closes the browsers before the server closes.
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
  });
  const open = async (viewport: Viewport = DESKTOP) => {
    const person = await openBrowser(viewport);
    people.push(person);
    return person;
  };
  return {
    get server() {
      return suite.server;
    },
    open,
    async openAs(client, viewport) {
      const person = await open(viewport);
      await adoptSession(person.context, suite.server, client.cookieHeader);
      return person;
    },
  };
}
