/**
 * Helpers shared by the evidence tests: quests placed in the seeded Oakfield demo area,
 * residents who joined them, multipart evidence forms, a signed-in socket that collects
 * events, and probes of what an upload left behind (rows, files, queued jobs).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import type { EvidenceStatusEvent, Quest, XpAwardedEvent } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import type { TestServer, TestServerOptions } from '../support/harness';
import { useTestServer } from '../support/use-server';
import { createQuest as createQuestAt } from './quest-helpers';
import { connectSocket, type GameSocket } from './realtime-helpers';

/** The park in Oakfield, well inside the demo boundary. */
export const PARK = { lat: 52.631797, lng: -1.144736 };
/** The library, about 400 m east of the park. */
export const LIBRARY = { lat: 52.630449, lng: -1.13889 };

const HOUR = 3600_000;

/** A published quest at the park asking for a check-in; `overrides` replace whole fields. */
export function createQuest(
  officer: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<Quest> {
  return createQuestAt(officer, {
    title: 'Tidy the park benches',
    problem: 'The benches by the pond are covered in litter and leaves.',
    desiredOutcome: 'Every bench by the pond is clean enough to sit on.',
    location: { ...PARK, radiusM: 100 },
    endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    xp: 61,
    superpowers: ['urgent_optimism', 'blissful_productivity'],
    publish: true,
    ...overrides,
  });
}

export async function joinQuest(client: TestClient, questId: string): Promise<void> {
  const res = await client.post(`/api/quests/${questId}/join`, {});
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A fresh resident of the demo area who has joined every quest named. */
export async function joinedResident(server: TestServer, ...questIds: string[]) {
  const resident = await server.newResident();
  for (const questId of questIds) await joinQuest(resident, questId);
  return resident;
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

/** Sends a check-in (and nothing else) at `point`. */
export function checkIn(client: TestClient, questId: string, point: { lat: number; lng: number }) {
  return submitEvidence(client, questId, { checkin: checkinAt(point) });
}

/** A socket signed in as the client's session, recording every evidence and XP event. */
export interface EventSocket {
  socket: GameSocket;
  statuses: EvidenceStatusEvent[];
  awards: XpAwardedEvent[];
  /** Resolves with the first status event for this evidence matching `final`. */
  statusOf(
    evidenceId: string,
    final?: (e: EvidenceStatusEvent) => boolean,
  ): Promise<EvidenceStatusEvent>;
  /** Resolves with the first XP award this socket heard for this evidence. */
  awardFor(evidenceId: string): Promise<XpAwardedEvent>;
  close(): void;
}

export async function eventSocket(server: TestServer, client: TestClient): Promise<EventSocket> {
  const socket = await connectSocket(server.url, client);
  const statuses: EvidenceStatusEvent[] = [];
  const awards: XpAwardedEvent[] = [];
  const waiters: (() => void)[] = [];
  const heard = () => waiters.splice(0).forEach((w) => w());
  socket.on('evidence:status', (e) => {
    statuses.push(e);
    heard();
  });
  socket.on('xp:awarded', (e) => {
    awards.push(e);
    heard();
  });
  /** The first recorded event `find` picks, now or as soon as one arrives. */
  const first = <T>(find: () => T | undefined) =>
    new Promise<T>((resolve) => {
      const check = () => {
        const hit = find();
        if (hit) resolve(hit);
        else waiters.push(check);
      };
      check();
    });
  return {
    socket,
    statuses,
    awards,
    statusOf: (evidenceId, final = (e) => e.status !== 'pending') =>
      first(() => statuses.find((e) => e.evidenceId === evidenceId && final(e))),
    awardFor: (evidenceId) => first(() => awards.find((a) => a.evidenceId === evidenceId)),
    close: () => void socket.close(),
  };
}

/** An event socket that closes itself when the current test ends. */
export async function liveEvents(server: TestServer, client: TestClient): Promise<EventSocket> {
  const live = await eventSocket(server, client);
  onTestFinished(() => live.close());
  return live;
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

/** How many XP ledger rows match `where` (a SQL condition on `$1`). */
export async function ledgerCount(server: TestServer, where: string, param: string) {
  const [row] = await query<{ n: number }>(
    server,
    `select count(*)::int as n from xp_ledger where ${where} = $1`,
    [param],
  );
  return row!.n;
}

/**
 * A server per describe block with the demo officer signed in, and the evidence steps
 * bound to it: park quests, residents who joined them, live event sockets and SQL probes.
 */
export function useEvidenceServer(options: TestServerOptions = {}) {
  const suite = useTestServer({ ...options, officer: true });
  return {
    get server() {
      return suite.server;
    },
    get officer() {
      return suite.officer;
    },
    quest: (overrides: Record<string, unknown> = {}) => createQuest(suite.officer, overrides),
    resident: (...questIds: string[]) => joinedResident(suite.server, ...questIds),
    live: (client: TestClient) => liveEvents(suite.server, client),
    query: <T extends object>(text: string, params: unknown[] = []) =>
      query<T>(suite.server, text, params),
    ledgerCount: (where: string, param: string) => ledgerCount(suite.server, where, param),
  };
}
