/**
 * The photo pipeline for evidence: sniff the type from the bytes, read the camera's EXIF
 * (time and place) for the verification checks, then re-encode to a plain JPEG that keeps
 * no metadata at all, so a resident's location never leaks through a published photo.
 * Upload size is capped by the evidence route's multer; this guards against pixel bombs.
 */
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import phash from 'sharp-phash';
import { AppError } from '../../lib/errors';
import { decodeHeicImage, HeicTooLargeError } from './heic';

/** Larger than any phone's default photo (a 48 MP sensor saves 12 MP) with room to spare. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** The stored copy is for an officer's screen, not for print. */
export const MAX_OUTPUT_EDGE_PX = 2048;
const JPEG_QUALITY = 82;

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';
const ACCEPTED: ReadonlySet<SniffedType> = new Set(['jpeg', 'png', 'webp', 'heic']);

export interface PhotoExif {
  /** Camera time; UTC when the camera recorded no offset (the rules allow for that). */
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
  hasExif: boolean;
}

export interface ProcessedPhoto {
  /** Auto-rotated, at most MAX_OUTPUT_EDGE_PX on its long edge, no metadata. */
  jpeg: Buffer;
  /** 64-bit perceptual hash of the stored JPEG, 16 hex digits. */
  hash: string;
  exif: PhotoExif;
  width: number;
  height: number;
}

const photoError = (code: 'unsupported_media_type' | 'unprocessable', message: string) =>
  new AppError(code, `photo: ${message}`, { issues: [{ path: 'photo', message }] });

/** The image type from its magic bytes; the file name and the client's type are never trusted. */
export function sniffImageType(buffer: Buffer): SniffedType | null {
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) {
    return 'jpeg';
  }
  if (buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (ascii(buffer, 0, 4) === 'RIFF' && ascii(buffer, 8, 12) === 'WEBP') return 'webp';
  if (ascii(buffer, 4, 8) === 'ftyp') {
    const brand = ascii(buffer, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (HEIF_BRANDS.has(brand)) return 'heic';
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const ascii = (b: Buffer, from: number, to: number) =>
  b.length >= to ? b.toString('latin1', from, to) : '';

function refuseUnsupported(
  type: SniffedType | null,
): asserts type is 'jpeg' | 'png' | 'webp' | 'heic' {
  if (!type || !ACCEPTED.has(type)) {
    throw photoError('unsupported_media_type', 'send a photo as a JPEG, PNG, WebP or HEIC image');
  }
}

/**
 * Reads, checks and re-encodes an uploaded photo. Throws `unsupported_media_type` for
 * anything that is not a JPEG, PNG, WebP or HEIC by content, `unprocessable` for a damaged
 * image or one with more than MAX_INPUT_PIXELS pixels.
 */
export async function processPhoto(buffer: Buffer): Promise<ProcessedPhoto> {
  const type = sniffImageType(buffer);
  refuseUnsupported(type);
  // EXIF first: the re-encode below deliberately throws it away.
  const exif = await readExif(buffer);
  const { data: jpeg, info } = await reencode(type === 'heic' ? await heicPixels(buffer) : buffer);
  return { jpeg, hash: await perceptualHash(jpeg), exif, width: info.width, height: info.height };
}

const tooManyPixels = () =>
  photoError(
    'unprocessable',
    `this image has too many pixels (the most we take is ${MAX_INPUT_PIXELS / 1_000_000} million)`,
  );
const damaged = () =>
  photoError('unprocessable', 'this image is damaged or incomplete; try sending it again');

/** HEIC decoded to raw pixels for sharp, which cannot read HEVC itself. */
async function heicPixels(buffer: Buffer): Promise<Sharp> {
  try {
    const { width, height, data } = await decodeHeicImage(buffer, MAX_INPUT_PIXELS);
    return sharp(data, { raw: { width, height, channels: 4 } });
  } catch (err) {
    throw err instanceof HeicTooLargeError ? tooManyPixels() : damaged();
  }
}

async function reencode(input: Buffer | Sharp) {
  try {
    const image: Sharp = Buffer.isBuffer(input)
      ? sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      : input;
    return await image
      .rotate()
      .resize({
        width: MAX_OUTPUT_EDGE_PX,
        height: MAX_OUTPUT_EDGE_PX,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message)) throw tooManyPixels();
    throw damaged();
  }
}

/** sharp-phash gives 64 characters of 0/1; stored and compared as 16 hex digits. */
async function perceptualHash(jpeg: Buffer): Promise<string> {
  const bits = await phash(jpeg);
  return BigInt(`0b${bits}`).toString(16).padStart(16, '0');
}

const HEX64 = /^[0-9a-f]{16}$/i;

/** Number of differing bits between two 16-hex-digit perceptual hashes (0..64). */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) {
    throw new RangeError('hammingDistance needs two 16-digit hex hashes');
  }
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

// ---- EXIF -------------------------------------------------------------------------------

interface RawExif {
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeOriginal?: unknown;
  OffsetTime?: unknown;
  latitude?: unknown;
  longitude?: unknown;
}

async function readExif(buffer: Buffer): Promise<PhotoExif> {
  let raw: RawExif | undefined;
  try {
    raw = (await exifr.parse(buffer, {
      tiff: true,
      exif: true,
      gps: true,
      // Only camera EXIF counts: PNG headers, XMP and colour profiles say nothing about it.
      ihdr: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      // Raw strings, so the date is not shifted into this server's local time zone.
      reviveValues: false,
    })) as RawExif | undefined;
  } catch {
    // Unreadable EXIF in a decodable image is treated like none: the check then doubts it.
    raw = undefined;
  }
  if (!raw || Object.keys(raw).length === 0) {
    return { takenAt: null, lat: null, lng: null, hasExif: false };
  }
  const { lat, lng } = gpsOf(raw);
  return {
    takenAt: exifDate(
      raw.DateTimeOriginal ?? raw.CreateDate,
      raw.OffsetTimeOriginal ?? raw.OffsetTime,
    ),
    lat,
    lng,
    hasExif: true,
  };
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^[+-]\d{2}:\d{2}$/;

/** `2026:11:20 14:03:12` plus an optional `+01:00` → Date; null when missing or nonsense. */
export function exifDate(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = EXIF_DATE.exec(value);
  if (!m) return null;
  const zone = typeof offset === 'string' && EXIF_OFFSET.test(offset) ? offset : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function gpsOf(raw: RawExif): { lat: number | null; lng: number | null } {
  const { latitude: lat, longitude: lng } = raw;
  const valid =
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180 &&
    // Cameras without a fix often write 0,0; that is the Gulf of Guinea, not a quest.
    !(lat === 0 && lng === 0);
  return valid ? { lat, lng } : { lat: null, lng: null };
}
