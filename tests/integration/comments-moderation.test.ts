import { describe, expect, it } from 'vitest';
import type { ReportQueueItem, ReportReceipt } from '@govcraft/shared';
import { useTestServer } from '../support/use-server';
import { openQueue, postComment, publicQuest, thread, threadSocket } from './comments-helpers';
import { nextEvent, testSocket } from './realtime-helpers';

describe('reporting comments to the moderation queue', () => {
  const suite = useTestServer({ officer: true });

  it('report → queue → hide: gone for everyone live, and the author sees why', async () => {
    const quest = await publicQuest(suite.officer);
    const author = await suite.server.newResident('Rude Author');
    const reporter = await suite.server.newResident();
    const rude = await postComment(author, quest.id, 'Everyone on this street is an idiot');
    const kept = await postComment(reporter, quest.id, 'See you all at ten');

    const report = { content: { kind: 'comment', id: rude.id }, reason: 'Insults neighbours' };
    const filed = await reporter.post<ReportReceipt>('/api/reports', report);
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('open');
    const again = await reporter.post<ReportReceipt>('/api/reports', report);
    expect(again.body.id).toBe(filed.body.id);
    expect((await suite.server.client().post('/api/reports', report)).status).toBe(401);
    const badReason = await reporter.post<{ issues: { path: string }[] }>('/api/reports', {
      ...report,
      reason: '',
    });
    expect(badReason.body.issues.map((i) => i.path)).toEqual(['reason']);

    // Residents cannot see the queue; a resident made moderator can.
    expect((await reporter.get('/api/areas/oakfield/reports')).status).toBe(403);
    const moderator = await suite.server.newResident('Mo Derator');
    await suite.server.handle.services.areas.setRole(
      moderator.userId,
      'oakfield',
      moderator.userId,
      'moderator',
    );
    const queued = (await openQueue(moderator)).find((i) => i.content.id === rude.id);
    expect(queued).toMatchObject({
      content: { kind: 'comment', text: rude.body, authorName: 'Rude Author', hidden: false },
      reports: [{ reason: 'Insults neighbours', status: 'open' }],
    });

    const watcher = await threadSocket(suite.server.url, quest.id);
    const authorSocket = await threadSocket(suite.server.url, quest.id, author);
    const removed = nextEvent(watcher, 'comment:removed', (p) => p.commentId === rude.id);
    const told = nextEvent(authorSocket, 'comment:moderated', (p) => p.comment.id === rude.id);
    const decided = await moderator.post<ReportQueueItem>(
      '/api/areas/oakfield/moderation/decisions',
      {
        content: { kind: 'comment', id: rude.id },
        action: 'hide',
        reason: 'Personal insults break the community rules',
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.content.hidden).toBe(true);
    expect(decided.body.reports.map((r) => r.status)).toEqual(['upheld']);
    await removed;
    expect((await told).comment).toMatchObject({
      state: 'hidden',
      moderationReason: 'Personal insults break the community rules',
    });

    for (const who of [suite.server.client(), reporter, suite.officer]) {
      expect((await thread(who, quest.id)).map((c) => c.id)).toEqual([kept.id]);
    }
    const own = (await thread(author, quest.id)).find((c) => c.id === rude.id);
    expect(own).toMatchObject({
      state: 'hidden',
      moderationReason: expect.stringMatching(/insults/),
    });
    expect((await openQueue(moderator)).some((i) => i.content.id === rude.id)).toBe(false);
    expect((await author.patch(`/api/comments/${rude.id}`, { body: 'sorry' })).status).toBe(409);

    const trail = await suite.server.handle.services.audit.forEntity('comment', rude.id);
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['comment.post', 'content.report', 'moderation.hide']),
    );
  });

  it('restores a hidden comment for everyone and refuses decisions that change nothing', async () => {
    const quest = await publicQuest(suite.officer);
    const author = await suite.server.newResident();
    const c = await postComment(author, quest.id, 'Misread as rude, actually fine');
    const decide = (action: string) =>
      suite.officer.post('/api/areas/oakfield/moderation/decisions', {
        content: { kind: 'comment', id: c.id },
        action,
        reason: 'Checked by the moderation team',
      });
    expect((await decide('restore')).status).toBe(409);
    expect((await decide('dismiss')).status).toBe(409);
    expect((await decide('hide')).status).toBe(200);
    expect((await decide('hide')).status).toBe(409);

    const watcher = await testSocket(suite.server.url);
    await watcher.emitWithAck('comments:join', { questId: quest.id });
    const back = nextEvent(watcher, 'comment:updated', (p) => p.comment.id === c.id);
    expect((await decide('restore')).status).toBe(200);
    expect((await back).comment.state).toBe('visible');
    expect((await thread(suite.server.client(), quest.id)).map((x) => x.id)).toEqual([c.id]);
  });
});
