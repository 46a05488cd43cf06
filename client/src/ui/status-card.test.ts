import { describe, expect, it } from 'vitest';
import { checkName } from './status-card';
import { isNewer } from './leaderboard';

describe('checkName', () => {
  it('names known checks in plain words and humanises new ones', () => {
    expect(checkName('geofence')).toBe('Location');
    expect(checkName('duplicatePhoto')).toBe('Photo is new');
    expect(checkName('weatherMatch')).toBe('Weather match');
    expect(checkName('crowd_size')).toBe('Crowd size');
  });
});

describe('isNewer', () => {
  it('accepts the first board and strictly newer versions only', () => {
    expect(isNewer(null, 1)).toBe(true);
    expect(isNewer(5, 6)).toBe(true);
    expect(isNewer(5, 5)).toBe(false);
    expect(isNewer(5, 4)).toBe(false);
  });
});
