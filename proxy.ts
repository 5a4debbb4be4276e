import { NextResponse } from 'next/server';
import { embedPolicy } from '@/lib/site/security-headers.mjs';

// Embeds may be framed by other sites: by any (the default) or by the allow-list in
// EMBED_FRAME_ANCESTORS, read when the server runs, so one build serves any deployment. They get the
// pages' whole policy with that frame-ancestors (a second header would only intersect, never widen);
// every other page keeps frame-ancestors 'self' (next.config.mjs). server.ts refuses to start with an
// invalid list; here an invalid one falls back to 'self' rather than to "anyone".
export function proxy() {
  const response = NextResponse.next();
  const development = process.env.NODE_ENV === 'development';
  response.headers.set('Content-Security-Policy', embedPolicy(process.env.EMBED_FRAME_ANCESTORS, { development }));
  return response;
}

export const config = { matcher: ['/embed/:path*'] };
