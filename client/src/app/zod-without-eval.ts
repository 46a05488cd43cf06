/**
 * zod compiles faster parsers with `new Function` and probes once whether the page allows
 * it. The Content-Security-Policy forbids eval, so the probe would be refused and reported
 * as a violation on every load; parsing without the compiler needs no eval at all.
 * Imported first by main.ts, before anything parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
