/**
 * A real SMTP server in the test process (smtp-server), with every message parsed
 * (mailparser): tests read what GovCraft actually sent. It can be stopped and started again
 * on the same port to play an outage.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Raw header lines by lower-case name. */
  header(name: string): string | null;
  parsed: ParsedMail;
}

export interface TestSmtp {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Resolves with the first message (already here or still to come) that `accept`s. */
  waitFor(accept: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  to(address: string): ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const to = [parsed.to ?? []]
    .flat()
    .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
  return {
    to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    header: (name) => {
      const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
      return line ? line.slice(line.indexOf(':') + 1).trim() : null;
    },
    parsed,
  };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let port = 0;
  let server: SMTPServer | null = null;

  const start = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (parsed) => {
            received.push(toReceived(parsed));
            for (const wake of waiters) wake();
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', () => resolve()));
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  await start();

  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    to: (address) => received.filter((m) => m.to.includes(address.toLowerCase())),
    waitFor(accept, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(accept);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching mail within ${timeoutMs} ms (${received.length} received)`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start,
  };
}

/**
 * An SMTP server for a describe block, started before the test server so its URL can go in
 * the server's environment: pass `smtp.env` to `useTestServer({ env })`.
 */
export function useTestSmtp() {
  const env: Record<string, string> = {};
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp?.stop());
  return {
    env,
    get smtp(): TestSmtp {
      if (!smtp) throw new Error('the SMTP server is not ready: read it inside a test or hook');
      return smtp;
    },
  };
}

/** The token in a GovCraft link like `/reset-password?token=…` in a message's text. */
export function tokenIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}
