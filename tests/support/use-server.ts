/**
 * One real server per describe block: started before its tests, closed after them, so a
 * test file states only what is special about its server. The fields are filled in
 * `beforeAll`; read them inside tests and hooks, never while the block is being declared.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestClient } from './client';
import { DEMO, startTestServer, type TestServer, type TestServerOptions } from './harness';

export interface SuiteServer {
  readonly server: TestServer;
  /** The demo area's officer, signed in once for the block (with `{ officer: true }`). */
  readonly officer: TestClient;
}

export interface SuiteOptions extends TestServerOptions {
  /** Sign the demo officer in once the server is up. */
  officer?: boolean;
}

export function useTestServer(options: SuiteOptions = {}): SuiteServer {
  const { officer: signInOfficer = false, ...serverOptions } = options;
  let server: TestServer | undefined;
  let officer: TestClient | undefined;
  beforeAll(async () => {
    server = await startTestServer(serverOptions);
    if (signInOfficer) officer = await server.login(DEMO.officer);
  });
  afterAll(() => server?.close());
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: read it inside a test or hook`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'the test server');
    },
    get officer() {
      return ready(officer, 'the officer (pass { officer: true })');
    },
  };
}
