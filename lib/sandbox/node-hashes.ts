import { createHmac, hash } from 'node:crypto';
import type { HashBackend, HashName } from '@/lib/http-auth';

// The server's Digest hashes and nonce MAC from node:crypto (OpenSSL): the same bytes as @noble/hashes,
// which the browser keeps, at a fraction of the cost (issue 23: a Digest challenge signs a nonce, a
// Digest answer takes about six hashes). runtime.ts switches the process to these once.

const OPENSSL: Record<HashName, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

export const NODE_HASHES: HashBackend = {
  // crypto.hash is the one-shot form (Node 20.12+): no Hash object for a single short input.
  hash: (name, data) => hash(OPENSSL[name], data, 'buffer'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
