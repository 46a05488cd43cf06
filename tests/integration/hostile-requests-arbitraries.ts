/**
 * fast-check generators for hostile HTTP requests against one documented operation. A
 * generated request is a compact description (large bodies are a size, not the bytes), so a
 * counterexample prints readably; `hostile-requests-runner.ts` turns it into bytes and sends it.
 */
import fc from 'fast-check';

/** One operation of the OpenAPI document, as the generators need it. */
export interface Operation {
  method: string;
  /** Express style: `/api/quests/:questId`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyType: 'json' | 'multipart' | null;
  bodyFields: string[];
  /** Every status the document says this operation can answer. */
  documentedStatuses: number[];
}

/** A path parameter: the real id of a seeded thing, or text put into the path as it is. */
export type ParamValue = { kind: 'real' } | { kind: 'raw'; text: string };

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** `photo` is a real JPEG; otherwise the text itself. */
  content: { kind: 'photo' } | { kind: 'text'; text: string };
  /** A header line added as it is, e.g. without a colon. */
  rawHeader?: string;
}

export type HostileBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'nested'; depth: number }
  | { kind: 'huge'; size: number }
  | {
      kind: 'multipart';
      parts: MultipartPart[];
      /** The boundary named in Content-Type: the real one, none, or a different one. */
      declared: 'same' | 'none' | 'other';
      closing: boolean;
      /** Keep only this fraction of the body's bytes. */
      cutAt: number | null;
    };

export interface HostileRequest {
  method: string;
  params: Record<string, ParamValue>;
  query: string;
  headers: Record<string, string>;
  /** `natural`: the type the body implies (JSON, multipart with its boundary, none). */
  contentType: string | null;
  /** Content-Encoding sent, and whether the body really is compressed that way. */
  encoding: { name: string; compressed: boolean } | null;
  body: HostileBody | null;
  signedIn: boolean;
  origin: 'same' | 'none' | 'foreign';
}

const PRINTABLE = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const printable = (maxLength: number) => fc.string({ unit: PRINTABLE, maxLength });

/** Strings a careless handler might choke on. */
const nastyText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202e\u0041',
    '💩'.repeat(200),
    'x'.repeat(5000),
    '<script>alert(1)</script>',
    "'; drop table users; --",
    '../../../etc/passwd',
    '%ZZ',
    '{"$gt":""}',
    '1e309',
    'NaN',
    '2026-02-30T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, true, false, null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(nastyText, { maxLength: 4 }),
);

/** An object using some of the body's documented field names, with hostile values. */
function jsonBody(fields: string[]): fc.Arbitrary<HostileBody> {
  const named = fc
    .subarray([...fields, '__proto__', 'constructor', 'extra'])
    .chain((keys) =>
      fc
        .tuple(...keys.map(() => nastyValue))
        .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
    );
  return fc.oneof(named, fc.jsonValue({ maxDepth: 3 })).map((value) => ({ kind: 'json', value }));
}

const rawBody: fc.Arbitrary<HostileBody> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom('{"email":', '{', '[', 'null', '"', '{"a":1}}', 'a=1&b=%ZZ', '\u0000'),
      printable(300),
      fc.string({ unit: 'binary', maxLength: 300 }),
    )
    .map((text) => ({ kind: 'text' as const, text })),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 600 }).map((bytes) => ({
    kind: 'bytes' as const,
    bytes,
  })),
  fc.integer({ min: 1000, max: 90_000 }).map((depth) => ({ kind: 'nested' as const, depth })),
  fc.constantFrom(210_000, 1_000_000).map((size) => ({ kind: 'huge' as const, size })),
);

const filename = fc.oneof(
  fc.constantFrom('photo.jpg', 'a\u0000b.jpg', '..\\..\\x.jpg', 'C:\\', 'x\\', '', '"', 'ä💩.jpg'),
  printable(40),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function multipartPart(fields: string[]): fc.Arbitrary<MultipartPart> {
  return fc.record(
    {
      name: fc.oneof(fc.constantFrom(...fields, 'photo', 'checkin', 'text', ''), printable(20)),
      filename,
      contentType: fc.constantFrom('image/jpeg', 'image/png', 'text/plain', '', 'x/\u0000'),
      content: fc.oneof(
        fc.constant({ kind: 'photo' as const }),
        fc
          .oneof(
            nastyText,
            fc.jsonValue().map((v) => JSON.stringify(v)),
          )
          .map((text) => ({
            kind: 'text' as const,
            text: text ?? '',
          })),
      ),
      rawHeader: fc.constantFrom('Content-Disposition form-data', 'X-A: \u0000', ': empty', ' x'),
    },
    { requiredKeys: ['name', 'content'] },
  );
}

function multipartBody(fields: string[]): fc.Arbitrary<HostileBody> {
  return fc.record({
    kind: fc.constant('multipart' as const),
    parts: fc.array(multipartPart(fields), { maxLength: 5 }),
    declared: fc.constantFrom('same', 'same', 'same', 'none', 'other'),
    closing: fc.boolean(),
    cutAt: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  });
}

function body(op: Operation): fc.Arbitrary<HostileBody | null> {
  const fields = op.bodyFields;
  const own = op.bodyType === 'multipart' ? multipartBody(fields) : jsonBody(fields);
  const other = op.bodyType === 'multipart' ? jsonBody(fields) : multipartBody(fields);
  return fc.oneof(
    { weight: 4, arbitrary: own },
    { weight: 1, arbitrary: other },
    { weight: 2, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=klingon',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/merge-patch+json',
  ';;;',
];

/** The Content-Type that comes with the body, or something else. */
const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('natural') },
  { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  { weight: 1, arbitrary: printable(60) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const encoding = fc.option(
  fc.record({
    name: fc.oneof(
      fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'GZIP', 'compress', 'gzip, gzip'),
      printable(20),
    ),
    compressed: fc.boolean(),
  }),
  { freq: 2 },
);

const HEADER_NAMES = [
  'accept',
  'accept-language',
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-proto',
  'sec-fetch-site',
  'if-none-match',
  'if-modified-since',
  'range',
  'user-agent',
  'x-http-method-override',
  'authorization',
];

const oddHeaders = fc.dictionary(fc.constantFrom(...HEADER_NAMES), printable(200), {
  maxKeys: 3,
});

/** Malformed percent-encoding, encoded Unicode, long and look-alike values. */
const hostileParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%ZZ', '%', '%%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', 'abc%', '%00'),
  fc.constantFrom('0', '-1', 'null', '%20', 'oakfield', '00000000-0000-0000-0000-000000000000'),
  fc.uuid(),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 100, max: 6000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10, max: 600 }).map((n) => '%F0%9F%92%A9'.repeat(n)),
);

const param: fc.Arbitrary<ParamValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'real' as const }) },
  { weight: 2, arbitrary: hostileParam.map((text) => ({ kind: 'raw' as const, text })) },
);

function query(op: Operation): fc.Arbitrary<string> {
  const key = fc.constantFrom(
    ...op.queryParams,
    'limit',
    'cursor',
    'a[b][c][d][e][f][g]',
    '__proto__[polluted]',
    'limit[]',
    '%ZZ',
  );
  const value = fc.oneof(
    fc.constantFrom('-1', '0', '10', '1e309', 'NaN', '%ZZ', '', 'abc', '2026-13-45', '1,2,3,4'),
    printable(40).map(encodeURIComponent),
  );
  return fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

const OTHER_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options'];

export function hostileRequest(op: Operation): fc.Arbitrary<HostileRequest> {
  return fc.record({
    method: fc.oneof(
      { weight: 5, arbitrary: fc.constant(op.method) },
      { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
    ),
    params: fc.record(Object.fromEntries(op.pathParams.map((name) => [name, param]))),
    query: query(op),
    headers: oddHeaders,
    contentType,
    encoding,
    body: body(op),
    signedIn: fc.boolean(),
    origin: fc.constantFrom('same', 'same', 'same', 'none', 'foreign'),
  });
}
