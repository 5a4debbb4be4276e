import { notFound } from 'next/navigation';

// Any other path under /embed/ is a mistyped embed: answer with the embed's own 404 (app/embed/not-found.tsx)
// rather than the site's, which would put the whole site's chrome and links inside a trainer's iframe.
// Next only uses a nested not-found.tsx for notFound() called inside its segment, hence this catch-all.
export default function MissingEmbed(): never {
  notFound();
}
