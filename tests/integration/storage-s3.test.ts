/**
 * Evidence photos in an S3-compatible bucket: the bucket store keeps the local store's
 * contract, S3_URL is parsed and refused with reasons, and a server started with S3_URL
 * keeps uploads in the bucket (not on its disk) and serves them back. The bucket is a real
 * S3-compatible server (s3rver) on this machine, spoken to over HTTP with signed requests.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@govcraft/server/config';
import { parseS3Url } from '@govcraft/server/features/evidence/s3-url';
import { createS3Storage, type S3Storage } from '@govcraft/server/features/evidence/storage-s3';
import { uniquePhoto } from '../fixtures/photos';
import { submitEvidence, useEvidenceServer } from './evidence-fixtures';

const BUCKET = 'govcraft-evidence';
// s3rver's fixed test credentials; it checks every request's signature against them.
const KEY = 'S3RVER';
const SECRET = 'S3RVER';

/** A running S3-compatible server with one empty bucket, for the enclosing describe block. */
function useBucketServer() {
  const state = { url: '', directory: '' };
  let server: S3rver | undefined;
  beforeAll(async () => {
    state.directory = await mkdtemp(path.join(os.tmpdir(), 'govcraft-s3-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: state.directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    state.url = `s3+http://${KEY}:${SECRET}@127.0.0.1:${port}/${BUCKET}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(state.directory, { recursive: true, force: true });
  });
  return state;
}

/** Every object key s3rver holds in the bucket (it keeps each as `<key>._S3rver_object`). */
async function objectKeys(directory: string): Promise<string[]> {
  const root = path.join(directory, BUCKET);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('._S3rver_object'))
    .map((e) =>
      path.relative(root, path.join(e.parentPath, e.name)).replace(/\._S3rver_object$/, ''),
    )
    .sort();
}

describe('S3_URL', () => {
  it('names endpoint, bucket, key prefix, region and credentials in one value', () => {
    expect(
      parseS3Url(
        's3://AKIA1:se%2Fcret@objects.example.org/council-photos/govcraft?region=eu-west-2',
      ),
    ).toEqual({
      endpoint: 'https://objects.example.org',
      region: 'eu-west-2',
      bucket: 'council-photos',
      prefix: 'govcraft/',
      accessKeyId: 'AKIA1',
      secretAccessKey: 'se/cret',
      forcePathStyle: true,
    });
    expect(parseS3Url('s3+http://k:s@minio:9000/b1b?pathStyle=false')).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      prefix: '',
      forcePathStyle: false,
    });
  });

  it.each([
    ['https://k:s@host/bucket', /s3:\/\//],
    ['s3://host/bucket', /access key and secret/],
    ['s3://k:s@host', /name the bucket/],
    ['s3://k:s@host/Bad_Bucket', /name the bucket/],
    ['s3://k:s@host/bucket?pathStyle=maybe', /pathStyle/],
  ])('refuses %s at start, saying why', (value, reason) => {
    expect(() =>
      parseConfig({ S3_URL: value, DATA_DIR: os.tmpdir() }, { clientDist: null }),
    ).toThrow(new RegExp(`S3_URL: .*${reason.source}`));
  });
});

describe('bucket storage', () => {
  const bucket = useBucketServer();
  let storage: S3Storage;
  beforeAll(() => {
    storage = createS3Storage(parseS3Url(`${bucket.url}/site-a`));
  });
  afterAll(() => storage.close());

  it('stores, reads back and deletes an object under the key prefix', async () => {
    const body = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 250]);
    await storage.put('evidence/0d5c8a52-photo.jpg', body);
    expect(await storage.get('evidence/0d5c8a52-photo.jpg')).toEqual(body);
    expect(await objectKeys(bucket.directory)).toContain('site-a/evidence/0d5c8a52-photo.jpg');
    await storage.delete('evidence/0d5c8a52-photo.jpg');
    expect(await storage.get('evidence/0d5c8a52-photo.jpg')).toBeNull();
  });

  it('answers null for a missing key and deletes a missing key without error', async () => {
    expect(await storage.get('evidence/never-stored.jpg')).toBeNull();
    await expect(storage.delete('evidence/never-stored.jpg')).resolves.toBeUndefined();
  });

  it('refuses keys that could escape the evidence folder', async () => {
    await expect(storage.put('../secrets.jpg', Buffer.from('x'))).rejects.toThrow(/unsafe/);
    await expect(storage.get('Evidence/UPPER.jpg')).rejects.toThrow(/unsafe/);
  });
});

describe('a server with S3_URL', () => {
  const bucket = useBucketServer();
  const env: Record<string, string> = {};
  beforeAll(() => {
    env.S3_URL = bucket.url;
  });
  const suite = useEvidenceServer({ env });

  it('keeps uploaded photos in the bucket, not on its own disk, and serves them', async () => {
    const quest = await suite.quest({ evidenceRules: { photo: true } });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await submitEvidence(resident, quest.id, { photo: await uniquePhoto() });
    expect(sent.status).toBe(202);
    const id = sent.body.evidenceId;
    await live.statusOf(id);

    expect(await objectKeys(bucket.directory)).toContain(`evidence/${id}.jpg`);
    expect(existsSync(path.join(suite.server.dataDir, 'uploads'))).toBe(false);

    const served = await suite.officer.get(`/api/evidence/${id}/photo`);
    expect(served.status).toBe(200);
    const bytes = await fetch(`${suite.server.url}/api/evidence/${id}/photo`, {
      headers: { cookie: resident.cookieHeader },
    }).then(async (r) => Buffer.from(await r.arrayBuffer()));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });
});
