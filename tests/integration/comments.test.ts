import { describe, expect, it } from 'vitest';
import {
  COMMENT_EDIT_WINDOW_MS,
  COMMENT_MAX_LENGTH,
  COMMENTS_PER_MINUTE,
  type Comment,
  type CommentList,
} from '@govcraft/shared';
import { DEMO } from '../support/harness';
import { useTestServer } from '../support/use-server';
import {
  postComment,
  proposal,
  publicQuest,
  thread,
  threadSocket,
  type ErrorBody,
} from './comments-helpers';
import { nextEvent, rawEmit, testSocket } from './realtime-helpers';

describe('comments', () => {
  // A clock the edit-window test moves forward; every other test runs at real time.
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const suite = useTestServer({ officer: true, clock });

  it('allows one level of replies and names the field of a bad body or parent', async () => {
    const quest = await publicQuest(suite.officer);
    const resident = await suite.server.newResident();
    const top = await postComment(resident, quest.id, 'Is the gate unlocked at weekends?');
    const reply = await postComment(suite.officer, quest.id, 'Yes, from 8am.', top.id);
    expect(reply.parentId).toBe(top.id);

    const deeper = await resident.post<ErrorBody>(`/api/quests/${quest.id}/comments`, {
      body: 'Thanks',
      parentId: reply.id,
    });
    expect(deeper.status).toBe(400);
    expect(deeper.body.issues?.map((i) => i.path)).toEqual(['parentId']);

    const bad = async (body: unknown) => {
      const res = await resident.post<ErrorBody>(`/api/quests/${quest.id}/comments`, { body });
      expect(res.status, String(body).slice(0, 20)).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(['body']);
    };
    await bad('   ');
    await bad('x'.repeat(COMMENT_MAX_LENGTH + 1));
    await bad('bell\u0007');
    expect(
      (await suite.server.client().post(`/api/quests/${quest.id}/comments`, { body: 'hi' })).status,
    ).toBe(401);
    expect((await thread(suite.server.client(), quest.id)).map((c) => c.id)).toEqual([
      top.id,
      reply.id,
    ]);
  });

  it("shows each writer's role: an officer's answer is marked as the officer's", async () => {
    const quest = await publicQuest(suite.officer);
    const resident = await suite.server.newResident('Role Resident');
    await postComment(resident, quest.id, 'Who collects the bags?');
    await postComment(suite.officer, quest.id, 'The council crew, on Monday.');
    const roles = (await thread(suite.server.client(), quest.id)).map((c) => [
      c.author.displayName,
      c.author.role,
    ]);
    expect(roles).toEqual([
      ['Role Resident', 'resident'],
      [expect.stringContaining('Priya'), 'officer'],
    ]);
  });

  it('lets authors edit within the window only, with a clear 409 after it', async () => {
    const quest = await publicQuest(suite.officer);
    const author = await suite.server.newResident();
    const other = await suite.server.newResident();
    const c = await postComment(author, quest.id, 'Meet at 10');
    expect((await other.patch(`/api/comments/${c.id}`, { body: 'hijacked' })).status).toBe(403);
    const edited = await author.patch<Comment>(`/api/comments/${c.id}`, { body: 'Meet at 11' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Meet at 11', editedAt: expect.any(String) });
    try {
      clock.offsetMs = COMMENT_EDIT_WINDOW_MS + 60_000;
      const late = await author.patch<ErrorBody>(`/api/comments/${c.id}`, { body: 'Meet at 12' });
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/edit window has closed.*15 minutes/);
    } finally {
      clock.offsetMs = 0;
    }
    expect((await thread(author, quest.id))[0]?.body).toBe('Meet at 11');
  });

  it('lets authors delete their own only; replies stay under a "deleted" tombstone', async () => {
    const quest = await publicQuest(suite.officer);
    const author = await suite.server.newResident();
    const neighbour = await suite.server.newResident();
    const top = await postComment(author, quest.id, 'My phone number is in here by mistake');
    const reply = await postComment(neighbour, quest.id, 'You may want to delete that', top.id);
    const lonely = await postComment(author, quest.id, 'A second thought');

    expect((await neighbour.delete(`/api/comments/${top.id}`)).status).toBe(403);
    const gone = await author.delete<Comment>(`/api/comments/${top.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ state: 'deleted', body: null });
    expect((await author.delete(`/api/comments/${lonely.id}`)).status).toBe(200);
    expect((await author.patch(`/api/comments/${top.id}`, { body: 'back' })).status).toBe(409);

    const seen = await thread(suite.server.client(), quest.id);
    expect(seen.map((c) => [c.id, c.state, c.body])).toEqual([
      [top.id, 'deleted', null],
      [reply.id, 'visible', 'You may want to delete that'],
    ]);
    const answer = await neighbour.post(`/api/quests/${quest.id}/comments`, {
      body: 'late reply',
      parentId: top.id,
    });
    expect(answer.status).toBe(400);
  });

  it('lets an officer pin one answer per quest, and refuses residents', async () => {
    const quest = await publicQuest(suite.officer);
    const resident = await suite.server.newResident();
    const question = await postComment(resident, quest.id, 'Can children take part?');
    const first = await postComment(suite.officer, quest.id, 'Yes, with an adult.', question.id);
    const better = await postComment(
      suite.officer,
      quest.id,
      'Yes, 8+ with an adult.',
      question.id,
    );
    const pinUrl = `/api/quests/${quest.id}/pinned-comment`;

    expect((await resident.put(pinUrl, { commentId: first.id })).status).toBe(403);
    expect((await suite.server.client().put(pinUrl, { commentId: first.id })).status).toBe(401);
    const pinned = await suite.officer.put<CommentList>(pinUrl, { commentId: first.id });
    expect(pinned.status).toBe(200);
    expect(pinned.body.items.filter((c) => c.pinned).map((c) => c.id)).toEqual([first.id]);

    await suite.officer.put(pinUrl, { commentId: better.id });
    const now = await thread(resident, quest.id);
    expect(now.filter((c) => c.pinned).map((c) => c.id)).toEqual([better.id]);
    const cleared = await suite.officer.put<CommentList>(pinUrl, { commentId: null });
    expect(cleared.body.items.some((c) => c.pinned)).toBe(false);
    const actions = await suite.server.handle.services.audit.forEntity('quest', quest.id);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['comment.pin', 'comment.unpin']),
    );
  });

  it('sends new comments live to a second, anonymous socket in the thread room', async () => {
    const quest = await publicQuest(suite.officer);
    const watcher = await threadSocket(suite.server.url, quest.id);
    const writer = await suite.server.newResident('Live Writer');
    const arrived = nextEvent(watcher, 'comment:posted', (p) => p.comment.questId === quest.id);
    const posted = await postComment(writer, quest.id, 'On my way with a rake');
    const { comment } = await arrived;
    expect(comment).toMatchObject({
      id: posted.id,
      body: 'On my way with a rake',
      author: { displayName: 'Live Writer', role: 'resident' },
    });

    const edited = nextEvent(watcher, 'comment:updated', (p) => p.comment.id === posted.id);
    await writer.patch(`/api/comments/${posted.id}`, { body: 'On my way with two rakes' });
    expect((await edited).comment.body).toBe('On my way with two rakes');
  });

  it('keeps proposal threads between the proposer and officers, as reading a proposal is', async () => {
    const proposer = await suite.server.newResident();
    const questId = await proposal(proposer);
    await postComment(proposer, questId, 'Happy to lead this one');
    await postComment(suite.officer, questId, 'Thanks, we will review it this week.');
    expect((await thread(proposer, questId)).map((c) => c.author.role)).toEqual([
      'resident',
      'officer',
    ]);

    const stranger = await suite.server.newResident();
    expect((await stranger.get(`/api/quests/${questId}/comments`)).status).toBe(404);
    expect((await stranger.post(`/api/quests/${questId}/comments`, { body: 'hi' })).status).toBe(
      404,
    );
    const anon = await testSocket(suite.server.url);
    expect((await rawEmit(anon, 'comments:join', { questId })).ok).toBe(false);
    await threadSocket(suite.server.url, questId, proposer);
    await threadSocket(suite.server.url, questId, await suite.server.login(DEMO.officer));
  });

  it('publishes comment.posted with the author of the comment answered', async () => {
    const quest = await publicQuest(suite.officer);
    const asker = await suite.server.newResident();
    const top = await postComment(asker, quest.id, 'Where do we meet?');
    const facts: unknown[] = [];
    suite.server.handle.infra.events.on('comment.posted', (f) => void facts.push(f));
    const reply = await postComment(suite.officer, quest.id, 'At the bench.', top.id);
    expect(facts).toContainEqual(
      expect.objectContaining({ commentId: reply.id, parentAuthorId: asker.userId }),
    );
  });
});

describe('comment rate limit', () => {
  const suite = useTestServer({ officer: true, env: { RATE_LIMIT_MULTIPLIER: '1' } });

  it(`answers 429 after ${COMMENTS_PER_MINUTE} comments in a minute from one person`, async () => {
    const quest = await publicQuest(suite.officer);
    const chatty = await suite.server.newResident();
    for (let i = 0; i < COMMENTS_PER_MINUTE; i++) {
      await postComment(chatty, quest.id, `Comment number ${i + 1}`);
    }
    const over = await chatty.post(`/api/quests/${quest.id}/comments`, { body: 'one more' });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person's budget is their own.
    const calm = await suite.server.newResident();
    await postComment(calm, quest.id, 'Just one from me');
  });
});
