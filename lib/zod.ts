import { config } from 'zod/mini';
import { en } from 'zod/locales';

// The one zod the browser gets: zod/mini, whose functions tree-shake (classic zod's ZodType
// prototype carries every method, toJSONSchema included, into any bundle that imports it). Mini
// ships no locale of its own, so the English one is configured here: learners read these messages
// ("Too big: expected number to be <=3600").
//
// Import it as a namespace, `import * as z from '@/lib/zod'`, and use it only as `z.something`:
// Turbopack then keeps just what is used. A namespace object passed around as a value (`export
// { z }`, `export * as z`, or zod/mini's own `z`) keeps all of zod, every locale included.
// Server-only code may use classic zod, which accepts these schemas (z.toJSONSchema, .shape).
config(en());

export * from 'zod/mini';
