import { z } from 'zod';

// Zod 4 probes for eval with `new Function('')` the first time it parses an object, to compile fast parsers.
// The pages' CSP refuses eval (lib/site/content-security-policy.mjs), so the probe fails anyway, but the browser
// still reports the refusal as a violation. Jitless skips the probe; parsing takes the same (interpreted) path.
z.config({ jitless: true });
