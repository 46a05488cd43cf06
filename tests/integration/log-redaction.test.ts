/**
 * Request log lines keep no credentials: the session cookie a browser sends, the one the
 * server sets at sign-in and a bearer token all appear as `[redacted]`, while the line still
 * says which request it was.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@govcraft/server/lib/logger';
import { DEMO, DEMO_PASSWORD } from '../support/harness';
import { useTestServer } from '../support/use-server';

interface LogLine {
  msg?: string;
  req?: { url?: string; method?: string; headers?: Record<string, unknown> };
  res?: { statusCode?: number; headers?: Record<string, unknown> };
}

const lines: LogLine[] = [];
const heard: (() => void)[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const text of chunk.toString('utf8').split('\n')) {
      if (text.trim()) lines.push(JSON.parse(text) as LogLine);
    }
    heard.splice(0).forEach((wake) => wake());
    done();
  },
});

/**
 * The completed-request line for a method and path, as soon as it is written: the logger
 * writes it when the response has finished, which can be after the client has read it.
 */
function requestLine(method: string, url: string): Promise<LogLine> {
  return new Promise((resolve) => {
    const look = () => {
      const line = lines.find((l) => l.req?.method === method && l.req?.url === url && l.res);
      if (line) resolve(line);
      else heard.push(look);
    };
    look();
  });
}

describe('request logs', () => {
  const suite = useTestServer({ logger: createLogger('info', 'govcraft', sink) });

  it('redact cookies sent and set and the Authorization header', async () => {
    const login = await fetch(`${suite.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.server.url },
      body: JSON.stringify({ email: DEMO.officer, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    const session = setCookie.split(';')[0]!;
    expect(session).toMatch(/=.{20,}/);
    const sessionValue = session.slice(session.indexOf('=') + 1);

    const token = 'Bearer not-a-real-token-but-secret-0123456789';
    const me = await fetch(`${suite.server.url}/api/me`, {
      headers: { cookie: session, authorization: token },
    });
    expect(me.status).toBeLessThan(500);

    const signIn = await requestLine('POST', '/api/auth/login');
    expect(signIn.res?.headers?.['set-cookie']).toBe('[redacted]');
    const signedIn = await requestLine('GET', '/api/me');
    expect(signedIn.req?.headers?.cookie).toBe('[redacted]');
    expect(signedIn.req?.headers?.authorization).toBe('[redacted]');

    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(sessionValue);
    expect(everything).not.toContain(decodeURIComponent(sessionValue));
    expect(everything).not.toContain('secret-0123456789');
    expect(everything).not.toContain(DEMO_PASSWORD);
  });
});
