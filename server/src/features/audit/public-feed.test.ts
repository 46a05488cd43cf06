import { describe, expect, it } from 'vitest';
import { publicAuditEntry } from './public-feed';
import type { PublicAuditRow } from './public-repo';

const row = (over: Partial<PublicAuditRow>): PublicAuditRow => ({
  id: 7,
  at: new Date('2026-11-20T09:00:00Z'),
  action: 'quest.closed',
  entityType: 'quest',
  entityId: 'q1',
  before: null,
  after: null,
  hasActor: true,
  actorAreaRole: 'officer',
  actorIsPlatformAdmin: false,
  actorDeleted: false,
  questId: 'q1',
  questTitle: 'Fix the fence',
  questStatus: 'closed',
  storylineTitle: null,
  ...over,
});

describe('publicAuditEntry', () => {
  it('shows an unknown kind of entry without its stored states', () => {
    const entry = publicAuditEntry(
      row({
        action: 'strike.add',
        entityType: 'user',
        entityId: 'u1',
        after: { reason: 'sent photos of jo@example.org', userId: 'u1' },
      }),
      'Oakfield',
    );
    expect(entry).toEqual({
      id: 7,
      at: '2026-11-20T09:00:00.000Z',
      action: 'strike.add',
      actorRole: 'officer',
      subject: { type: 'person', id: null, title: null },
      change: null,
      summary: 'An officer did strike.add on a person',
    });
  });

  it('gives a public quest status change with its reason', () => {
    const entry = publicAuditEntry(
      row({
        action: 'quest.failed',
        before: { status: 'active' },
        after: { status: 'failed', reason: 'The contractor never came.' },
        questStatus: 'failed',
        hasActor: false,
      }),
      'Oakfield',
    );
    expect(entry.actorRole).toBe('system');
    expect(entry.change).toEqual({
      from: 'active',
      to: 'failed',
      reason: 'The contractor never came.',
    });
    expect(entry.summary).toBe(
      'The system moved the quest “Fix the fence” from active to failed: The contractor never came.',
    );
  });

  it.each([
    [{ actorDeleted: true }, 'former_member'],
    [{ actorAreaRole: null, actorIsPlatformAdmin: true }, 'platform_admin'],
    [{ actorAreaRole: null }, 'former_member'],
  ])('names the actor only by role (%o → %s)', (over, role) => {
    expect(publicAuditEntry(row(over), 'Oakfield').actorRole).toBe(role);
  });
});
