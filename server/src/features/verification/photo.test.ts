import { DEFAULT_VERIFICATION_RULES } from '@govcraft/shared';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  differentScene,
  heicHeader,
  jpegWithExif,
  jpegWithoutExif,
  nearDuplicateOf,
  pixelBombPng,
  pngPhoto,
  textNamedJpg,
  truncatedJpeg,
  webpPhoto,
  type FixtureFile,
} from '../../../../tests/fixtures/photos';
import { AppError } from '../../lib/errors';
import { exifDate, hammingDistance, processPhoto, sniffImageType } from './photo';

const TAKEN = new Date('2026-11-20T14:03:12Z');
const UNDERPASS = { lat: 52.627305, lng: -1.14 };

async function refusal(file: FixtureFile): Promise<AppError> {
  const err = await processPhoto(file.buffer).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('processPhoto', () => {
  let camera: FixtureFile;
  beforeAll(async () => {
    camera = await jpegWithExif({ takenAt: TAKEN, ...UNDERPASS });
  });

  it('reads EXIF time and place from a camera JPEG before stripping them', async () => {
    const out = await processPhoto(camera.buffer);
    expect(out.exif.hasExif).toBe(true);
    expect(out.exif.takenAt?.toISOString()).toBe(TAKEN.toISOString());
    expect(out.exif.lat).toBeCloseTo(UNDERPASS.lat, 4);
    expect(out.exif.lng).toBeCloseTo(UNDERPASS.lng, 4);
    expect(out.hash).toMatch(/^[0-9a-f]{16}$/);
    expect([out.width, out.height]).toEqual([800, 600]);
  });

  it('stores a JPEG with no location or other EXIF left in it', async () => {
    const out = await processPhoto(camera.buffer);
    expect(sniffImageType(out.jpeg)).toBe('jpeg');
    // Read the stored copy back with the same reader that found GPS in the upload.
    expect(await exifr.gps(camera.buffer)).toMatchObject({ latitude: expect.any(Number) });
    expect(await exifr.gps(out.jpeg)).toBeUndefined();
    expect(await exifr.parse(out.jpeg, { tiff: true, exif: true, gps: true })).toBeUndefined();
    const meta = await sharp(out.jpeg).metadata();
    expect(meta.exif).toBeUndefined();
  });

  it('auto-rotates by the EXIF orientation before the orientation is dropped', async () => {
    const sideways = await jpegWithExif({ takenAt: TAKEN, ...UNDERPASS, orientation: 6 });
    const out = await processPhoto(sideways.buffer);
    expect([out.width, out.height]).toEqual([600, 800]);
  });

  it('reports no EXIF for a JPEG without it', async () => {
    const out = await processPhoto((await jpegWithoutExif()).buffer);
    expect(out.exif).toEqual({ takenAt: null, lat: null, lng: null, hasExif: false });
  });

  it.each([
    ['PNG', pngPhoto],
    ['WebP', webpPhoto],
  ])('accepts a %s and stores it as a JPEG', async (_type, make) => {
    const out = await processPhoto((await make()).buffer);
    expect(sniffImageType(out.jpeg)).toBe('jpeg');
    expect(out.exif.hasExif).toBe(false);
    expect([out.width, out.height]).toEqual([800, 600]);
  });

  it('gives a near-duplicate a small hash distance and a different scene a large one', async () => {
    const original = await processPhoto(camera.buffer);
    const again = await processPhoto(camera.buffer);
    const reshared = await processPhoto((await nearDuplicateOf(camera)).buffer);
    const park = await processPhoto((await differentScene()).buffer);
    const png = await processPhoto((await pngPhoto()).buffer);
    expect(hammingDistance(original.hash, again.hash)).toBe(0);
    const near = hammingDistance(original.hash, reshared.hash);
    const samePicture = hammingDistance(original.hash, png.hash);
    const far = hammingDistance(original.hash, park.hash);
    // Printed so the rules' thresholds can be tuned against real numbers.
    console.warn(`phash distances: png ${samePicture}, near-duplicate ${near}, other scene ${far}`);
    const { sameMaxDistance, similarMaxDistance } = DEFAULT_VERIFICATION_RULES.duplicatePhoto;
    expect(samePicture).toBeLessThanOrEqual(sameMaxDistance);
    expect(near).toBeLessThanOrEqual(similarMaxDistance);
    expect(far).toBeGreaterThan(2 * similarMaxDistance);
  });

  it('refuses a text file named .jpg as unsupported, by content', async () => {
    const err = await refusal(textNamedJpg());
    expect(err.code).toBe('unsupported_media_type');
    expect(err.status).toBe(415);
    expect(err.extra.issues?.[0]?.path).toBe('photo');
  });

  it('knows HEIC by content and answers one with no image in it as damaged', async () => {
    expect(sniffImageType(heicHeader().buffer)).toBe('heic');
    const err = await refusal(heicHeader());
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/damaged or incomplete/);
  });

  it('answers a truncated JPEG as unprocessable', async () => {
    const err = await refusal(await truncatedJpeg());
    expect(err.code).toBe('unprocessable');
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/damaged or incomplete/);
  });

  it('refuses a pixel bomb without decoding it', async () => {
    const bomb = pixelBombPng();
    expect(bomb.buffer.length).toBeLessThan(1000);
    const err = await refusal(bomb);
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/too many pixels/);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits of two 64-bit hex hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000010')).toBe(3);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  it('refuses anything but two 16-digit hex strings', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(RangeError);
    expect(() => hammingDistance('000000000000000g', '0000000000000000')).toThrow(RangeError);
  });
});

describe('exifDate', () => {
  it('uses the offset the camera wrote, UTC otherwise, and null for nonsense', () => {
    expect(exifDate('2026:11:20 14:03:12', '+01:00')?.toISOString()).toBe(
      '2026-11-20T13:03:12.000Z',
    );
    expect(exifDate('2026:11:20 14:03:12', undefined)?.toISOString()).toBe(
      '2026-11-20T14:03:12.000Z',
    );
    expect(exifDate('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(exifDate(42, undefined)).toBeNull();
  });
});
