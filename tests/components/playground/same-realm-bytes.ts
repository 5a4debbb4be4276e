// The whole sandbox runs inside this jsdom test (the OAuth chain component test), and jose checks keys
// with `instanceof Uint8Array` of the test's own realm: node:util's TextEncoder and node:crypto return
// bytes from Node's realm, which fail that check. These give the test realm's bytes. Imported first.
import { webcrypto } from 'node:crypto';
import { TextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

class SameRealmTextEncoder {
  readonly encoding = 'utf-8';
  encode(text = ''): Uint8Array {
    return new Uint8Array(new NodeTextEncoder().encode(text));
  }
}

const subtle = webcrypto.subtle;
const sameRealmCrypto = {
  subtle,
  getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
    if (array) webcrypto.getRandomValues(array as unknown as Uint8Array);
    return array;
  },
  randomUUID: () => webcrypto.randomUUID(),
};

Object.assign(globalThis, { TextEncoder: SameRealmTextEncoder, TextDecoder });
Object.defineProperty(globalThis, 'crypto', { value: sameRealmCrypto, configurable: true });
