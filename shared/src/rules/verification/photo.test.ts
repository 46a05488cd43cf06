import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';
import { duplicatePhotoCheck, photoExifCheck } from './photo';
import { bareCameraPhoto, HOUR, north, photoAt, quest, RECEIVED, STARTS } from './test-fixtures';

describe('photo EXIF check', () => {
  const exif = (photo: Parameters<typeof photoExifCheck>[2]) =>
    photoExifCheck(quest(), RECEIVED, photo, RULES.photoExif);
  const takenBeforeStart = (ms: number) => photoAt({ takenAt: new Date(STARTS.getTime() - ms) });

  it('passes a photo taken in the window near the spot', () => {
    const r = exif(photoAt());
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.detail).toMatch(/taken while the quest was open.*0 m from the spot/);
  });

  it('fails a photo taken long before the quest opened', () => {
    const r = exif(takenBeforeStart(12 * 24 * HOUR));
    expect(r.verdict).toBe('fail');
    expect(r.score).toBe(0.5);
    expect(r.detail).toMatch(/taken 12 days before the quest opened/);
  });

  it('allows the time-zone slack around the window', () => {
    expect(exif(takenBeforeStart(10 * HOUR)).verdict).toBe('pass');
  });

  it('fails a photo taken far from the spot', () => {
    const r = exif(photoAt(north(3400)));
    expect(r.verdict).toBe('fail');
    expect(r.detail).toMatch(/taken 3.4 km from the spot \(allowed 250 m\)/);
  });

  it('doubts a photo without camera details', () => {
    const r = exif(bareCameraPhoto());
    expect(r.verdict).toBe('doubt');
    expect(r.score).toBe(RULES.photoExif.missingExifScore);
  });

  it('rejects a missing photo', () => {
    expect(exif(null).verdict).toBe('reject');
  });
});

describe('duplicate photo check', () => {
  const { sameMaxDistance, similarMaxDistance } = RULES.duplicatePhoto;
  it.each([
    [0, 'reject'],
    [sameMaxDistance, 'reject'],
    [similarMaxDistance, 'doubt'],
    [similarMaxDistance + 1, 'pass'],
    [null, 'pass'],
  ] as const)('at hash distance %s: %s', (distance, verdict) => {
    expect(duplicatePhotoCheck(distance, RULES.duplicatePhoto).verdict).toBe(verdict);
  });
});
