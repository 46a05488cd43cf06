import { describe, expect, it } from 'vitest';
import { open311StatusOfUpdate } from '@govcraft/shared';
import { retryAfterOf } from './adapter';
import { parseCsvRequests } from './csv-adapter';
import { shouldPush } from './push';

describe('integration rules', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterOf('120', now)).toBe(120);
    expect(retryAfterOf('Sun, 01 Mar 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfterOf('soon', now)).toBeNull();
    expect(retryAfterOf(null, now)).toBeNull();
  });

  it.each([
    [null, 'draft', false],
    ['draft', 'active', false],
    ['active', 'closed', true],
    ['closed', 'active', true],
    ['active', 'completed', true],
    ['completed', 'reopened', true],
    ['active', 'failed', true],
  ] as const)('pushes %s → %s: %s', (from, to, pushed) => {
    expect(shouldPush(from, to)).toBe(pushed);
  });

  it('reads extended update states as open or closed', () => {
    expect(open311StatusOfUpdate('FIXED')).toBe('closed');
    expect(open311StatusOfUpdate('in_progress')).toBe('open');
    expect(open311StatusOfUpdate('banana')).toBeNull();
  });

  it('reads CSV with aliases and quoted commas, refusing a bad row by line and column', () => {
    const rows = parseCsvRequests(
      'ID,Service_Code,Description,Latitude,Lng\nA-1,GRAF,"Tag, big",52.6,-1.1',
      now,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        remoteId: 'A-1',
        serviceCode: 'GRAF',
        description: 'Tag, big',
        lat: 52.6,
        lng: -1.1,
        requestedAt: now,
      }),
    ]);
    expect(() => parseCsvRequests('id,service_code,lat,lng\nA-1,GRAF,52.6,', now)).toThrow(
      /csv\.line2\.long/,
    );
  });
});
