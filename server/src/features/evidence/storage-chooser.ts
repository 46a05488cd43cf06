/**
 * Which evidence store this node uses: the bucket named by S3_URL when it is set (needed as
 * soon as API nodes run on more than one host), else files under DATA_DIR/uploads.
 */
import path from 'node:path';
import type { Config } from '../../config';
import { parseS3Url } from './s3-url';
import { createLocalStorage, type BlobStorage } from './storage';
import { createS3Storage } from './storage-s3';

export function createEvidenceStorage(config: Pick<Config, 'S3_URL' | 'DATA_DIR'>): BlobStorage {
  if (config.S3_URL) return createS3Storage(parseS3Url(config.S3_URL));
  return createLocalStorage(path.join(config.DATA_DIR, 'uploads'));
}
