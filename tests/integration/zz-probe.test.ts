import { io } from 'socket.io-client';
import { it } from 'vitest';
import { useTestServer } from '../support/use-server';
const suite = useTestServer({ seed: false });
it('probe', async () => {
  const socket = io(suite.server.url, { transports: ['polling'], reconnection: false, forceNew: true });
  const r = await new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (e) => resolve(`refused ${e.message} ${JSON.stringify((e as any).context ?? (e as any).description ?? '')}`));
  });
  console.log('RESULT', r);
  socket.disconnect();
});
