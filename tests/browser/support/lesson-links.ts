// The lessons' "Open … in the playground" links the journeys follow (journeys.test.ts in Chromium,
// journeys-firefox.test.ts in Firefox): which lesson, and the preset its link names.

/** [lesson slug, preset id its link opens]: one lesson per kind of conversation (401, Digest, 407 then 401). */
export const LESSON_PLAYGROUND_LINKS = [
  ['authentication-vs-authorization', 'basic-wrong-password'],
  ['digest-authentication', 'digest'],
  ['proxies-and-407', 'proxy-then-origin'],
] as const;

/** The accessible name of a lesson's link to the playground with the preset titled `title`. */
export const playgroundLinkName = (title: string) => `Open “${title}” in the playground`;
