// Worker thread: decodes HEIC with libheif compiled to WebAssembly, away from the event loop
// that answers requests (a 12 MP photo takes seconds). Plain JavaScript so Node loads it as it
// is, from the sources and from the compiled server alike. Messages: { id, buffer, maxPixels }
// in; { id, width, height, data } (RGBA) or { id, error: 'too_large' | 'damaged' } out.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const decodeHeic = createRequire(import.meta.url)('heic-decode');

async function decode(buffer, maxPixels) {
  const images = await decodeHeic.all({ buffer });
  try {
    const first = images[0];
    if (!first) return { error: 'damaged' };
    if (first.width * first.height > maxPixels) return { error: 'too_large' };
    const { width, height, data } = await first.decode();
    return { width, height, data };
  } finally {
    images.dispose();
  }
}

parentPort.on('message', async ({ id, buffer, maxPixels }) => {
  let answer;
  try {
    answer = await decode(buffer, maxPixels);
  } catch {
    answer = { error: 'damaged' };
  }
  const transfer = answer.data ? [answer.data.buffer] : [];
  parentPort.postMessage({ id, ...answer }, transfer);
});
