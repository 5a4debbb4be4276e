// Embeds: the chrome-less pages trainers put in their own material (/embed/...), the options a
// trainer picks for them, and the code they paste (an <iframe>, a Markdown link, a URL). One place
// builds these, for the Embed dialog, the oEmbed endpoint and the tests alike.

export const EMBED_PREFIX = '/embed';

/** The message an embed posts to its parent when its height changes (documented in docs/embedding.md, "Sizing"). */
export const RESIZE_MESSAGE_TYPE = 'http-auth-lab:resize';
/** `href` is the embed's origin and path only, never its query or fragment (they may hold what a reader typed). */
export type ResizeMessage = { type: typeof RESIZE_MESSAGE_TYPE; height: number; href: string };
/**
 * What public/embed.js posts to every frame when it starts: a frame that posted its height before embed.js
 * was listening (embed.js is loaded async) posts it again, so it is sized whenever the script arrives.
 */
export const RESIZE_REQUEST_TYPE = 'http-auth-lab:resize-request';

export type EmbedTheme = 'light' | 'dark' | 'auto';
export const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];

/** What a trainer can choose. Defaults (auto theme, sandbox shown, quiz shown, whole lesson) stay out of the URL. */
export type EmbedOptions = { theme: EmbedTheme; sandbox: boolean; quiz: boolean; section?: string };
export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { theme: 'auto', sandbox: true, quiz: true };

/** Heading ids as rehype-slug makes them (github-slugger): what a section parameter may hold. */
export const SECTION_ID_PATTERN = /^[\p{Ll}\p{Nd}_-]{1,120}$/u;

export function isSectionId(value: string): boolean {
  return SECTION_ID_PATTERN.test(value);
}

/**
 * Reads the options from an embed URL's query. Lenient on purpose: an embed is a static page that
 * must still render when a trainer's link carries a typo, so unknown values fall back to the default
 * (the oEmbed endpoint, which answers with an error, is strict instead).
 */
export function parseEmbedOptions(search: string | URLSearchParams): EmbedOptions {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const theme = query.get('theme');
  const section = query.get('section');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    sandbox: query.get('sandbox') !== 'hide',
    quiz: query.get('quiz') !== 'hide',
    ...(section !== null && isSectionId(section) ? { section } : {}),
  };
}

/** The query for these options, without the defaults: `?theme=dark&section=x` or ''. */
export function embedQuery(options: EmbedOptions): string {
  const query = new URLSearchParams();
  if (options.theme !== 'auto') query.set('theme', options.theme);
  if (options.section) query.set('section', options.section);
  if (!options.sandbox) query.set('sandbox', 'hide');
  if (!options.quiz) query.set('quiz', 'hide');
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** What can be embedded, keyed like the site's own pages. */
export type EmbedTarget =
  | { kind: 'lesson'; slug: string; title: string }
  | { kind: 'playground'; state: string; title: string } // state: the playground's own query, without "?"
  | { kind: 'try'; preset: string; title: string };

/** Path of the chrome-less page for a target (with the target's own query for the playground). */
export function embedPath(target: EmbedTarget, options: EmbedOptions = DEFAULT_EMBED_OPTIONS): string {
  switch (target.kind) {
    case 'lesson':
      return `${EMBED_PREFIX}/lessons/${encodeURIComponent(target.slug)}${embedQuery(options)}`;
    case 'try':
      return `${EMBED_PREFIX}/try/${encodeURIComponent(target.preset)}${embedQuery({ ...options, section: undefined, quiz: true })}`;
    case 'playground': {
      const query = new URLSearchParams(target.state);
      if (options.theme !== 'auto') query.set('theme', options.theme);
      const text = query.toString();
      return `${EMBED_PREFIX}/playground${text === '' ? '' : `?${text}`}`;
    }
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** The page on the full site that an embed stands for (where "open in the lab" goes). */
export function sitePath(target: EmbedTarget, options: Pick<EmbedOptions, 'section'> = {}): string {
  switch (target.kind) {
    case 'lesson':
      return `/lessons/${encodeURIComponent(target.slug)}${options.section ? `#${options.section}` : ''}`;
    case 'try':
      return `/playground?p=${encodeURIComponent(target.preset)}`;
    case 'playground':
      return `/playground${target.state === '' ? '' : `?${target.state}`}`;
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** Initial iframe size per kind: the embed then posts its real height (see RESIZE_MESSAGE_TYPE). */
export function defaultEmbedSize(target: EmbedTarget): { width: number; height: number } {
  switch (target.kind) {
    case 'lesson':
      return { width: 800, height: 900 };
    case 'playground':
      return { width: 1000, height: 1100 };
    case 'try':
      return { width: 720, height: 620 };
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** The sizing script's tag (public/embed.js), pasted once beside the iframes of a page. */
export function resizerScript(origin: URL | string): string {
  return `<script src="${escapeAttribute(new URL('/embed.js', origin).toString())}" async></script>`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The <iframe> a trainer pastes. sandbox: scripts for the widgets, same-origin so the embed can call
 * the lab's own /api/exchange, popups (escaping the sandbox) so "open in the lab" links open a normal
 * tab, forms for the editors; no top navigation, so an embed can never take over the trainer's page.
 */
export function iframeCode(url: string, title: string, size: { width: number; height: number; maxHeight?: number }): string {
  return [
    `<iframe src="${escapeAttribute(url)}"`,
    ` title="${escapeAttribute(title)}"`,
    // embed.js grows the frame to its content but never past this (an oEmbed consumer's maxheight).
    size.maxHeight === undefined ? '' : ` data-max-height="${size.maxHeight}"`,
    ` width="${size.width}" height="${size.height}" style="width:100%;max-width:${size.width}px;border:0"`,
    ' loading="lazy" referrerpolicy="strict-origin-when-cross-origin"',
    ' sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms"',
    ' allow="clipboard-write"></iframe>',
  ].join('');
}

/** A Markdown link: brackets and parentheses escaped so any title and URL stay one link. */
export function markdownLink(url: string, title: string): string {
  const PERCENT: Record<string, string> = { '(': '%28', ')': '%29' };
  return `[${title.replace(/([\\[\]])/g, '\\$1')}](${url.replace(/[()\s]/g, (char) => PERCENT[char] ?? encodeURIComponent(char))})`;
}

/** A link to a page with this fragment (the page for trainers has one) opens its Embed dialog on arrival. */
export const OPEN_EMBED_FRAGMENT = 'embed';
