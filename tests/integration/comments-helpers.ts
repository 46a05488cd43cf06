/** Steps the comment and moderation tests share: a public quest, a thread, a live socket. */
import { expect } from 'vitest';
import type { Comment, CommentList, ReportQueue } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { createQuest, questBody, type ErrorBody } from './quest-helpers';
import { rawEmit, testSocket, type GameSocket } from './realtime-helpers';

export type { ErrorBody };

/** A quest residents can read and comment on. */
export const publicQuest = (officer: TestClient) => createQuest(officer, { publish: true });

/** A resident's proposal: readable by the proposer and the area's officers only. */
export async function proposal(resident: TestClient): Promise<string> {
  const { xp: _xp, ...body } = questBody();
  const res = await resident.post<{ id: string }>('/api/areas/oakfield/proposals', body);
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function postComment(
  who: TestClient,
  questId: string,
  body: string,
  parentId?: string,
): Promise<Comment> {
  const res = await who.post<Comment>(`/api/quests/${questId}/comments`, { body, parentId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function thread(who: TestClient, questId: string): Promise<Comment[]> {
  const res = await who.get<CommentList>(`/api/quests/${questId}/comments`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** A socket (signed in as `as`, if given) in the thread's room. */
export async function threadSocket(url: string, questId: string, as?: TestClient) {
  const socket: GameSocket = await testSocket(url, as);
  const ack = await rawEmit(socket, 'comments:join', { questId });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return socket;
}

export async function openQueue(moderator: TestClient): Promise<ReportQueue['items']> {
  const res = await moderator.get<ReportQueue>('/api/areas/oakfield/reports');
  expect(res.status).toBe(200);
  return res.body.items;
}
