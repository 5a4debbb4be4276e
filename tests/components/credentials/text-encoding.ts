// jsdom has no TextEncoder/TextDecoder, which lib/http-auth needs when it loads (browsers and Node
// have them). Imported first by each test file, so it runs before the components are loaded.
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
