import { NOTIFICATION_KINDS } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { agoText, KIND_LABELS } from './labels';
import { questIdOf } from './list';

describe('notification words', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it.each([
    ['2026-12-02T11:59:45Z', 'just now'],
    ['2026-12-02T11:59:00Z', '1 minute ago'],
    ['2026-12-02T11:15:00Z', '45 minutes ago'],
    ['2026-12-02T09:00:00Z', '3 hours ago'],
    ['2026-12-01T10:00:00Z', 'yesterday'],
    ['2026-11-28T12:00:00Z', '4 days ago'],
  ])('%s reads "%s"', (iso, text) => {
    expect(agoText(iso, now)).toBe(text);
  });

  it('has words for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) expect(KIND_LABELS[kind]).toBeTruthy();
  });

  it('opens only quest links in the app', () => {
    const id = '6f1c2a4e-8b7d-4e7a-9a51-0c3d2e1f4b5a';
    expect(questIdOf(`/?quest=${id}`)).toBe(id);
    expect(questIdOf('/console/review')).toBeNull();
    expect(questIdOf(`https://elsewhere.example/?quest=${id}`)).toBeNull();
  });
});
