import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler';
import { HASHED_ASSET_CACHE, REVALIDATE_CACHE, staticClient } from './static-client';
import { createLogger } from '../lib/logger';

describe('the built client', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'govcraft-dist-'));
  let base = '';
  let close = () => {};

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>GovCraft</title>');
    writeFileSync(path.join(dist, 'assets', 'main-3f2a9c.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{}');
    const app = express();
    app.use(staticClient(dist));
    app.use(errorHandler(createLogger('silent')));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('lets browsers keep hashed assets for a year without asking again', async () => {
    const res = await fetch(`${base}/assets/main-3f2a9c.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(HASHED_ASSET_CACHE);
  });

  it('revalidates the HTML shell on every client route, so a release is seen at once', async () => {
    for (const route of ['/', '/console', '/quests/abc']) {
      const res = await fetch(`${base}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
      expect(await res.text()).toContain('<title>GovCraft</title>');
    }
    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
  });

  it('answers a missing hashed asset 404, never the shell in its place', async () => {
    const res = await fetch(`${base}/assets/gone-000000.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<title>');
  });
});
