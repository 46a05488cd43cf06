/**
 * Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, a council's own
 * object store), so API nodes on different hosts serve the same photos. Same contract as
 * the local store: `get` answers null for a missing key, `delete` of a missing key succeeds.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AppError } from '../../lib/errors';
import type { S3Location } from './s3-url';
import { assertSafeKey, type BlobStorage } from './storage';

export interface S3Storage extends BlobStorage {
  close(): void;
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', json: 'application/json' };

/** A bucket that answers 5xx is an outage like a database that does not answer: a 503. */
function outageOr(err: unknown): unknown {
  const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
  if (status !== undefined && status >= 500) {
    return new AppError('unavailable', 'The photo store is not answering; try again in a moment.', {
      retryAfterSeconds: 5,
    });
  }
  return err;
}

export function createS3Storage(location: S3Location): S3Storage {
  const client = new S3Client({
    endpoint: location.endpoint,
    region: location.region,
    forcePathStyle: location.forcePathStyle,
    credentials: {
      accessKeyId: location.accessKeyId,
      secretAccessKey: location.secretAccessKey,
    },
    // Checksums only where S3 requires them: many S3-compatible servers refuse the
    // CRC32 trailers the SDK would otherwise add to every upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const Bucket = location.bucket;
  const keyOf = (key: string) => {
    assertSafeKey(key);
    return `${location.prefix}${key}`;
  };
  return {
    async put(key, body) {
      const ContentType = CONTENT_TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
      await client
        .send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body: body, ContentType }))
        .catch((err: unknown) => Promise.reject(outageOr(err)));
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        if (!answer.Body) return null;
        return Buffer.from(await answer.Body.transformToByteArray());
      } catch (err) {
        if (err instanceof NoSuchKey) return null;
        if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return null;
        throw outageOr(err);
      }
    },
    async delete(key) {
      await client
        .send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }))
        .catch((err: unknown) => Promise.reject(outageOr(err)));
    },
    close() {
      client.destroy();
    },
  };
}
