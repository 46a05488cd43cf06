/**
 * Reads a photo's camera details (when and where it was taken) in the browser, with the same
 * library the server uses, so the resident hears what the verifier will make of them before
 * sending. The reader is loaded only once a photo is chosen.
 */
export interface PhotoExif {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
  hasExif: boolean;
}

const NONE: PhotoExif = { takenAt: null, lat: null, lng: null, hasExif: false };

interface ExifTags {
  DateTimeOriginal?: Date;
  CreateDate?: Date;
  latitude?: number;
  longitude?: number;
}

export async function readPhotoExif(file: Blob): Promise<PhotoExif> {
  try {
    // The lite build reads JPEG and HEIC EXIF and GPS: all a phone camera writes.
    const { default: exifr } = await import('exifr/dist/lite.esm.mjs');
    const tags = (await exifr.parse(file, { tiff: true, exif: true, gps: true })) as
      ExifTags | undefined;
    if (!tags) return NONE;
    const taken = tags.DateTimeOriginal ?? tags.CreateDate;
    const hasPlace = Number.isFinite(tags.latitude) && Number.isFinite(tags.longitude);
    return {
      takenAt: taken instanceof Date && !Number.isNaN(taken.getTime()) ? taken : null,
      lat: hasPlace ? tags.latitude! : null,
      lng: hasPlace ? tags.longitude! : null,
      hasExif: true,
    };
  } catch {
    // An unreadable file says nothing about where it was taken; the server decides.
    return NONE;
  }
}
