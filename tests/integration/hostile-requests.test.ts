/**
 * Requests a client got wrong — broken multipart, bodies that claim a compression they do
 * not have, path parameters that are not valid percent-encoding — are refused with a 4xx
 * that names what is wrong, never a 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import { uniquePhoto } from '../fixtures/photos';
import type { TestClient } from '../support/client';
import { checkinAt, joinQuest, PARK, useEvidenceServer } from './evidence-fixtures';

const BOUNDARY = 'hostile-boundary-7f3a';
const CRLF = '\r\n';

/** A multipart body built by hand, so its parts can be wrong in ways FormData never is. */
function part(headers: string[], content: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}${CRLF}${headers.join(CRLF)}${CRLF}${CRLF}`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(CRLF),
  ]);
}
const closing = Buffer.from(`--${BOUNDARY}--${CRLF}`);

interface Answer {
  status: number;
  error: unknown;
  message: unknown;
}

describe('hostile requests', () => {
  const suite = useEvidenceServer();
  let resident: TestClient;
  let quest: Quest;
  let photo: Buffer;
  beforeAll(async () => {
    resident = await suite.server.newResident();
    quest = await suite.quest({ evidenceRules: { checkin: true, photo: true, text: false } });
    await joinQuest(resident, quest.id);
    photo = (await uniquePhoto()).buffer;
  });

  async function send(
    method: string,
    path: string,
    body: Buffer | string | undefined,
    headers: Record<string, string>,
  ): Promise<Answer> {
    const res = await fetch(`${suite.server.url}${path}`, {
      method,
      body: body === undefined ? undefined : new Uint8Array(Buffer.from(body)),
      headers: { cookie: resident.cookieHeader, origin: suite.server.url, ...headers },
    });
    const text = await res.text();
    let json: { error?: unknown; message?: unknown } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // The assertion on `error` below reports a body that is not JSON.
    }
    return { status: res.status, error: json.error, message: json.message };
  }

  const multipart = (body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
    send('POST', `/api/quests/${quest.id}/evidence`, body, { 'content-type': contentType });
  const checkinPart = () =>
    part(['Content-Disposition: form-data; name="checkin"'], JSON.stringify(checkinAt(PARK)));
  const photoNamed = (filename: string) =>
    part(
      [
        `Content-Disposition: form-data; name="photo"; filename="${filename}"`,
        'Content-Type: image/jpeg',
      ],
      photo,
    );

  const json = (headers: Record<string, string>, body: Buffer | string) =>
    send('POST', '/api/auth/login', body, { 'content-type': 'application/json', ...headers });
  /** A plain JSON sign-in whose header claims `encoding`. */
  const encodedAs = (encoding: string) => () =>
    json({ 'content-encoding': encoding }, '{"email":"a@b.c","password":"x"}');

  it.each<[string, () => Promise<Answer>, number, RegExp]>([
    [
      'a multipart part header without a colon',
      () =>
        multipart(
          Buffer.concat([checkinPart(), part(['Content-Disposition form-data'], 'x'), closing]),
        ),
      400,
      /multipart/i,
    ],
    [
      'a multipart body cut off mid-part',
      () => multipart(Buffer.concat([checkinPart(), photoNamed('p.jpg')]).subarray(0, 400)),
      400,
      /multipart/i,
    ],
    [
      'a multipart content type without a boundary',
      () => multipart(Buffer.concat([checkinPart(), closing]), 'multipart/form-data'),
      400,
      /boundary/i,
    ],
    ['an empty multipart body', () => multipart(Buffer.alloc(0)), 400, /multipart/i],
    [
      'a filename containing NUL',
      () => multipart(Buffer.concat([checkinPart(), photoNamed('a\u0000b.jpg'), closing])),
      400,
      /part header/i,
    ],
    ['a JSON body marked gzip that is not gzip', encodedAs('gzip'), 400, /gzip/i],
    ['a JSON body marked br that is not brotli', encodedAs('br'), 400, /br/i],
    [
      'a JSON body in an encoding the server does not speak',
      encodedAs('compress'),
      415,
      /compress/i,
    ],
    [
      'a JSON body in an unknown charset',
      () => json({ 'content-type': 'application/json; charset=klingon' }, '{}'),
      415,
      /charset/i,
    ],
    [
      'a path parameter with bad percent-encoding',
      () => send('GET', '/api/evidence/%ZZ', undefined, {}),
      400,
      /percent|encoding/i,
    ],
  ])('refuses %s', async (_case, request, status, names) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(typeof res.error).toBe('string');
    expect(String(res.message)).toMatch(names);
  });

  // The file is re-encoded and stored under a generated name, so a Windows path is harmless:
  // the parser keeps only its last segment. A backslash that escapes the closing quote leaves
  // the part unreadable, and the quest's missing photo is named instead.
  it.each<[string, number, RegExp | null]>([
    ['C:\\photos\\', 400, /photo/],
    ['photo\\', 400, /photo/],
    // Last: it is accepted, and a second submission would be a conflict.
    ['..\\..\\photo.jpg', 202, null],
  ])('answers a filename with backslashes, %s, without a 5xx', async (filename, status, names) => {
    const res = await multipart(Buffer.concat([checkinPart(), photoNamed(filename), closing]));
    expect(res.status).toBe(status);
    if (names) expect(String(res.message)).toMatch(names);
  });
});
