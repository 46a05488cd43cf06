/**
 * Helpers shared by the evidence tests: quests placed in the seeded Oakfield demo area,
 * multipart evidence forms, a signed-in socket that collects events, and probes of what
 * an upload left behind (rows, files, queued jobs).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  EvidenceStatusEvent,
  Quest,
  ServerToClientEvents,
  XpAwardedEvent,
} from '@govcraft/shared';
import type { TestClient } from '../support/client';
import type { TestServer } from '../support/harness';

/** The park in Oakfield, well inside the demo boundary. */
export const PARK = { lat: 52.631797, lng: -1.144736 };
/** The library, about 400 m east of the park. */
export const LIBRARY = { lat: 52.630449, lng: -1.13889 };

const HOUR = 3600_000;

export function questBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    title: 'Tidy the park benches',
    problem: 'The benches by the pond are covered in litter and leaves.',
    desiredOutcome: 'Every bench by the pond is clean enough to sit on.',
    location: { ...PARK, radiusM: 100 },
    startsAt: new Date(now - HOUR).toISOString(),
    endsAt: new Date(now + 24 * HOUR).toISOString(),
    xp: 61,
    superpowers: ['urgent_optimism', 'blissful_productivity'],
    evidenceRules: { checkin: true },
    publish: true,
    ...overrides,
  };
}

export async function createQuest(
  officer: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<Quest> {
  const res = await officer.post<Quest>('/api/areas/oakfield/quests', questBody(overrides));
  if (res.status !== 201)
    throw new Error(`create quest: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function joinQuest(client: TestClient, questId: string): Promise<void> {
  const res = await client.post(`/api/quests/${questId}/join`, {});
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface FormParts {
  checkin?: unknown;
  photo?: { buffer: Buffer; name?: string; type?: string };
  text?: string;
}

export function evidenceForm(parts: FormParts): FormData {
  const form = new FormData();
  if (parts.checkin !== undefined)
    form.set(
      'checkin',
      typeof parts.checkin === 'string' ? parts.checkin : JSON.stringify(parts.checkin),
    );
  if (parts.text !== undefined) form.set('text', parts.text);
  if (parts.photo) {
    const blob = new Blob([new Uint8Array(parts.photo.buffer)], {
      type: parts.photo.type ?? 'image/jpeg',
    });
    form.set('photo', blob, parts.photo.name ?? 'photo.jpg');
  }
  return form;
}

export const checkinAt = (point: { lat: number; lng: number }, accuracyM = 8) => ({
  ...point,
  accuracyM,
  deviceTime: new Date().toISOString(),
});

export interface SubmitAnswer {
  evidenceId: string;
  status: string;
  error?: string;
  issues?: { path: string; message: string }[];
}

export function submitEvidence(client: TestClient, questId: string, parts: FormParts) {
  return client.post<SubmitAnswer>(`/api/quests/${questId}/evidence`, evidenceForm(parts));
}

/** A socket signed in as the client's session, recording every evidence and XP event. */
export interface EventSocket {
  socket: Socket<ServerToClientEvents>;
  statuses: EvidenceStatusEvent[];
  awards: XpAwardedEvent[];
  /** Resolves with the first status event for this evidence matching `final`. */
  statusOf(
    evidenceId: string,
    final?: (e: EvidenceStatusEvent) => boolean,
  ): Promise<EvidenceStatusEvent>;
  close(): void;
}

export async function eventSocket(server: TestServer, client: TestClient): Promise<EventSocket> {
  const socket: Socket<ServerToClientEvents> = connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookieHeader },
    reconnection: false,
  });
  const statuses: EvidenceStatusEvent[] = [];
  const awards: XpAwardedEvent[] = [];
  const waiters: (() => void)[] = [];
  socket.on('evidence:status', (e) => {
    statuses.push(e);
    waiters.splice(0).forEach((w) => w());
  });
  socket.on('xp:awarded', (e) => {
    awards.push(e);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const statusOf = (
    evidenceId: string,
    final = (e: EvidenceStatusEvent) => e.status !== 'pending',
  ) =>
    new Promise<EvidenceStatusEvent>((resolve) => {
      const check = () => {
        const hit = statuses.find((e) => e.evidenceId === evidenceId && final(e));
        if (hit) resolve(hit);
        else waiters.push(check);
      };
      check();
    });
  return { socket, statuses, awards, statusOf, close: () => socket.close() };
}

/** What an upload left behind: evidence rows, stored files and queued verification jobs. */
export async function traces(server: TestServer) {
  const [rows] = await query<{ n: number }>(server, 'select count(*)::int as n from evidence');
  const files = await readdir(path.join(server.dataDir, 'uploads', 'evidence')).catch(() => []);
  const counts = await server.handle.infra.jobs
    .queue('verification')
    .getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  const jobs = Object.values(counts).reduce((a, b) => a + b, 0);
  return { rows: rows?.n ?? 0, files: files.length, jobs };
}

/** A plain SQL query against the server's database, for checks the API does not expose. */
export async function query<T extends object>(
  server: TestServer,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.databaseUrl! });
  await client.connect();
  try {
    return (await client.query<T & pg.QueryResultRow>(text, params)).rows;
  } finally {
    await client.end();
  }
}

function dms(decimal: number): string {
  const abs = Math.abs(decimal);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const centiSeconds = Math.round(((abs - degrees) * 60 - minutes) * 6000);
  return `${degrees}/1 ${minutes}/1 ${centiSeconds}/100`;
}

function exifTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');
}

/**
 * A photo no other test sends: random coloured blocks, so its perceptual hash is far from
 * every other photo's and tests do not depend on each other's uploads. With `camera`, it
 * carries EXIF time and GPS as a phone writes them.
 */
export async function uniquePhoto(camera?: { takenAt: Date; lat: number; lng: number }) {
  const blocks = Array.from({ length: 12 }, () => {
    const [x, y, w, h] = [0, 0, 0, 0].map(() => Math.floor(Math.random() * 600));
    const shade = Math.floor(Math.random() * 256);
    return `<rect x="${x}" y="${y}" width="${w! + 60}" height="${h! + 60}" fill="rgb(${shade},${255 - shade},${(shade * 7) % 256})"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#777"/>${blocks}</svg>`;
  let image = sharp(Buffer.from(svg)).jpeg({ quality: 85 });
  if (camera) {
    image = image.withExif({
      IFD0: { Make: 'GovCraftCam' },
      IFD2: { DateTimeOriginal: exifTime(camera.takenAt), OffsetTimeOriginal: '+00:00' },
      IFD3: {
        GPSLatitudeRef: camera.lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(camera.lat),
        GPSLongitudeRef: camera.lng >= 0 ? 'E' : 'W',
        GPSLongitude: dms(camera.lng),
      },
    });
  }
  return { name: 'photo.jpg', buffer: await image.toBuffer() };
}
