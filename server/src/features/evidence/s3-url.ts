/**
 * S3_URL names a bucket and how to reach it in one value:
 *
 *   s3://ACCESS_KEY:SECRET@host[:port]/bucket[/key/prefix][?region=eu-west-2&pathStyle=false]
 *
 * `s3://` talks HTTPS; `s3+http://` plain HTTP (a bucket server on the same private network).
 * Key and secret are percent-encoded as in any URL (a secret's `/` is `%2F`). Path-style
 * addressing (`host/bucket/key`) is the default because every S3-compatible server
 * understands it; `pathStyle=false` asks for `bucket.host/key`.
 */
import { z } from 'zod';

export interface S3Location {
  endpoint: string;
  region: string;
  bucket: string;
  /** Prepended to every key; '' or ending in '/'. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9_./-]{0,200}$/;

/** The location named by an S3_URL; throws an Error whose message says what is wrong. */
export function parseS3Url(value: string): S3Location {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('use s3://key:secret@host/bucket (or s3+http:// for plain HTTP)');
  }
  const secure = url.protocol === 's3:';
  if (!secure && url.protocol !== 's3+http:') {
    throw new Error('use a URL starting s3:// or s3+http://');
  }
  if (!url.username || !url.password) throw new Error('put the access key and secret before @');
  const [bucket = '', ...rest] = url.pathname.replace(/^\/+/, '').split('/');
  if (!BUCKET.test(bucket)) throw new Error('name the bucket after the host: s3://…@host/bucket');
  const prefix = rest.filter(Boolean).join('/');
  if (!PREFIX.test(prefix)) throw new Error('use letters, digits, _ . / - in the key prefix');
  const pathStyle = url.searchParams.get('pathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false') {
    throw new Error('use pathStyle=true or pathStyle=false');
  }
  return {
    endpoint: `${secure ? 'https' : 'http'}://${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    bucket,
    prefix: prefix ? `${prefix}/` : '',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    forcePathStyle: pathStyle !== 'false',
  };
}

/** For config: the raw string, refused at start with the reason when it cannot be parsed. */
export const ZS3Url = z.string().superRefine((value, ctx) => {
  try {
    parseS3Url(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});
