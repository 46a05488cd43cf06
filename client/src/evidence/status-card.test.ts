import { describe, expect, it } from 'vitest';
import { checkName } from './status-card';

describe('checkName', () => {
  const named: [check: string, words: string][] = [
    ['geofence', 'Location'],
    ['duplicatePhoto', 'Photo is new'],
    ['weatherMatch', 'Weather match'],
    ['crowd_size', 'Crowd size'],
  ];
  it.each(named)('names %s in plain words (known checks and new ones alike)', (check, words) => {
    expect(checkName(check)).toBe(words);
  });
});
