/**
 * iPhone photos (HEIC, HEVC inside) are accepted by content, read for their EXIF time and
 * place, and stored like every other photo: an upright JPEG with no metadata.
 * The fixture is a 320×240 park scene encoded by libheif's heif-enc (x265) with camera EXIF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeHeicImage, HeicTooLargeError } from '../../server/src/features/verification/heic';
import { processPhoto, sniffImageType } from '../../server/src/features/verification/photo';
import { PARK, submitEvidence, useEvidenceServer } from './evidence-fixtures';

const HEIC = readFileSync(path.join(import.meta.dirname, '../fixtures/photos/park-exif.heic'));

/** The average colour of a 16×16 patch whose top-left corner is at (x, y). */
async function colourAt(jpeg: Buffer, x: number, y: number) {
  const { data } = await sharp(jpeg)
    .extract({ left: x, top: y, width: 16, height: 16 })
    .resize(1, 1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { r: data[0]!, g: data[1]!, b: data[2]! };
}

describe('HEIC photos', () => {
  it('knows the fixture as HEIC by its bytes, not its name', () => {
    expect(HEIC.toString('latin1', 4, 12)).toBe('ftypheic');
    expect(sniffImageType(HEIC)).toBe('heic');
  });

  it('decodes HEIC to a JPEG with the same picture and reads its camera EXIF', async () => {
    const photo = await processPhoto(HEIC);
    expect(photo.jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 320, height: 240 });
    expect(photo.exif.takenAt?.toISOString()).toBe('2026-11-20T14:03:12.000Z');
    expect(photo.exif.lat).toBeCloseTo(PARK.lat, 4);
    expect(photo.exif.lng).toBeCloseTo(PARK.lng, 4);
    // Sky at the top, grass at the bottom: the pixels came through, not a blank frame.
    const sky = await colourAt(photo.jpeg, 140, 20);
    const grass = await colourAt(photo.jpeg, 20, 220);
    expect(sky.b).toBeGreaterThan(sky.r + 60);
    expect(grass.g).toBeGreaterThan(grass.r + 60);
    expect(await exifr.parse(photo.jpeg, { gps: true })).toBeUndefined();
  });

  it('reads the size from the header and refuses one over the pixel limit', async () => {
    await expect(decodeHeicImage(HEIC, 320 * 240 - 1)).rejects.toBeInstanceOf(HeicTooLargeError);
    const exact = await decodeHeicImage(HEIC, 320 * 240);
    expect({ width: exact.width, height: exact.height, bytes: exact.data.length }).toEqual({
      width: 320,
      height: 240,
      bytes: 320 * 240 * 4,
    });
  });

  it('answers a damaged HEIC as unprocessable', async () => {
    const cut = HEIC.subarray(0, Math.floor(HEIC.length * 0.6));
    await expect(processPhoto(cut)).rejects.toMatchObject({ code: 'unprocessable' });
  });

  describe('through the evidence upload', () => {
    const suite = useEvidenceServer();

    it('accepts an iPhone HEIC and serves it back as a JPEG without its location', async () => {
      const quest = await suite.quest({ evidenceRules: { photo: true } });
      const resident = await suite.resident(quest.id);
      const live = await suite.live(resident);
      const sent = await submitEvidence(resident, quest.id, {
        photo: { buffer: HEIC, name: 'IMG_0042.HEIC', type: 'image/heic' },
      });
      expect(sent.status).toBe(202);
      const status = await live.statusOf(sent.body.evidenceId);
      expect(status.checks.map((c) => c.check)).toContain('photoExif');

      const served = await fetch(`${suite.server.url}/api/evidence/${sent.body.evidenceId}/photo`, {
        headers: { cookie: resident.cookieHeader },
      });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(/image\/jpeg/);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 320 });
      expect(await exifr.gps(bytes)).toBeUndefined();
    });
  });
});
