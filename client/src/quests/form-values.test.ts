import { describe, expect, it } from 'vitest';
import { ZIsoDateTime } from '@govcraft/shared';
import { bboxCentre, localInputToIso, plainIssue, toLocalInput } from './form-values';

describe('localInputToIso', () => {
  it('keeps the wall-clock time and adds the local offset', () => {
    const iso = localInputToIso('2026-11-25T18:30');
    expect(iso).toMatch(/^2026-11-25T18:30:00[+-]\d{2}:\d{2}$/);
    expect(ZIsoDateTime.safeParse(iso).success).toBe(true);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 25, 18, 30).getTime());
  });

  it('round-trips with toLocalInput', () => {
    const d = new Date(2027, 0, 2, 7, 5);
    expect(new Date(localInputToIso(toLocalInput(d))).getTime()).toBe(d.getTime());
  });

  it('gives an empty string for blank or impossible dates', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('tomorrow')).toBe('');
    expect(localInputToIso('2026-02-31T10:00')).toBe('');
  });
});

describe('bboxCentre', () => {
  it('takes the middle of [minLng, minLat, maxLng, maxLat]', () => {
    expect(bboxCentre([-0.2, 51.4, 0, 51.6])).toEqual({ lat: 51.5, lng: -0.1 });
  });
});

describe('plainIssue', () => {
  it("rewrites zod's built-in messages and keeps the schema's own", () => {
    expect(plainIssue('title', 'Too small: expected string to have >=3 characters')).toBe(
      'enter a title of 3 to 120 characters',
    );
    expect(plainIssue('location.lat', 'Invalid input: expected number, received NaN')).toContain(
      'Use my location',
    );
    expect(plainIssue('superpowers', 'choose 1 to 4 superpowers')).toBe(
      'choose 1 to 4 superpowers',
    );
    expect(plainIssue('other', 'Too big')).toBe('Too big');
  });
});
