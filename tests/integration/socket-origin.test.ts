/**
 * Socket.IO handshakes follow the HTTP CSRF rule: another site's page cannot open a socket
 * carrying the visitor's session; this site's pages and non-browser clients (no Origin) can.
 */
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';

type Outcome = 'connected' | 'refused';

/** Tries one handshake over `transport` with the given extra headers. */
async function handshake(
  url: string,
  transport: 'websocket' | 'polling',
  headers: Record<string, string>,
): Promise<Outcome> {
  const socket = io(url, {
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  try {
    return await new Promise<Outcome>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
  } finally {
    socket.disconnect();
  }
}

describe('Socket.IO handshake origin check', () => {
  const suite = useTestServer({ seed: false });

  it.each(['websocket', 'polling'] as const)('over %s', async (transport) => {
    const url = suite.server.url;
    const own = new URL(url).origin;
    expect(await handshake(url, transport, {})).toBe('connected');
    expect(await handshake(url, transport, { origin: own })).toBe('connected');
    expect(await handshake(url, transport, { origin: 'https://evil.example' })).toBe('refused');
    expect(await handshake(url, transport, { 'sec-fetch-site': 'cross-site' })).toBe('refused');
  });
});

describe('Socket.IO handshake origin check with PUBLIC_URL', () => {
  const suite = useTestServer({
    seed: false,
    env: { PUBLIC_URL: 'https://govcraft.example' },
  });

  it('accepts the public origin only', async () => {
    const url = suite.server.url;
    expect(await handshake(url, 'websocket', { origin: 'https://govcraft.example' })).toBe(
      'connected',
    );
    expect(await handshake(url, 'websocket', { origin: new URL(url).origin })).toBe('refused');
  });
});
