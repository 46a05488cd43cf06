/**
 * HEIC (the iPhone camera's default) decoded by libheif compiled to WebAssembly: sharp's
 * prebuilt libvips reads HEIF only with AV1 inside (AVIF), not the HEVC that phones write.
 * Decoding runs in one worker thread (`heic-worker.mjs`), one photo at a time, so the event
 * loop keeps answering requests meanwhile. The decoder applies the file's rotation and
 * mirroring itself, so the pixels it answers are already upright.
 */
import { Worker } from 'node:worker_threads';

export interface RawImage {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel. */
  data: Buffer;
}

export class HeicTooLargeError extends Error {
  override name = 'HeicTooLargeError';
}

export class HeicDamagedError extends Error {
  override name = 'HeicDamagedError';
}

interface Answer {
  id: number;
  width?: number;
  height?: number;
  data?: Uint8ClampedArray;
  error?: 'too_large' | 'damaged';
}

interface Pending {
  resolve(image: RawImage): void;
  reject(err: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const waiter of pending.values()) waiter.reject(err);
  pending.clear();
  worker = null;
}

function decoder(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./heic-worker.mjs', import.meta.url));
  // Idle, the thread must not keep a finished process (or test) alive.
  started.unref();
  started.on('message', (answer: Answer) => {
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    if (pending.size === 0) started.unref();
    if (answer.error === 'too_large') waiter.reject(new HeicTooLargeError('over the pixel limit'));
    else if (answer.error || !answer.data) waiter.reject(new HeicDamagedError('not decodable'));
    else {
      const { data } = answer;
      waiter.resolve({
        width: answer.width!,
        height: answer.height!,
        data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      });
    }
  });
  started.on('error', (err) => failAll(err));
  started.on('exit', () => failAll(new HeicDamagedError('the HEIC decoder stopped')));
  worker = started;
  return started;
}

/**
 * The first image of a HEIC file as RGBA pixels. Its size is read from the header and
 * checked against `maxPixels` before any pixel is decoded.
 */
export function decodeHeicImage(buffer: Buffer, maxPixels: number): Promise<RawImage> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const thread = decoder();
    // While a photo is being decoded, its answer is awaited: keep the process alive for it.
    thread.ref();
    thread.postMessage({ id, buffer, maxPixels });
  });
}
