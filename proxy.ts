import { NextResponse } from 'next/server';
import { embedFrameAncestors } from '@/lib/site/security-headers.mjs';

// Embeds may be framed by other sites: by any (the default) or by the allow-list in
// EMBED_FRAME_ANCESTORS, read when the server runs, so one build serves any deployment. Every
// other page keeps frame-ancestors 'self' (next.config.mjs). server.ts refuses to start with an
// invalid list; here an invalid one falls back to 'self' rather than to "anyone".
export function proxy() {
  const response = NextResponse.next();
  const ancestors = embedFrameAncestors(process.env.EMBED_FRAME_ANCESTORS);
  response.headers.set('Content-Security-Policy', `frame-ancestors ${ancestors.ok ? ancestors.value : "'self'"}`);
  return response;
}

export const config = { matcher: ['/embed/:path*'] };
