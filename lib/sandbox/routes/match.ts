import type { SandboxRoute } from './route';

// Which route a URL path names. Paths without {parameters} are looked up in a Map (the hot path: every
// sandbox request); the few templated ones are tried in table order. One trailing slash is ignored.

export type RouteMatch = { route: SandboxRoute; params: Record<string, string> };

type Templated = { route: SandboxRoute; pattern: RegExp; names: string[] };

const PARAMETER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templated(route: SandboxRoute): Templated {
  const names = [...route.path.matchAll(PARAMETER)].map((match) => match[1] ?? '');
  // A parameter is one path segment.
  const source = route.path
    .split(PARAMETER)
    .map((part, i) => (i % 2 === 1 ? '([^/]+)' : escapeRegExp(part)))
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export function routeMatcher(routes: readonly SandboxRoute[]): (path: string) => RouteMatch | undefined {
  const exact = new Map<string, SandboxRoute>();
  const patterns: Templated[] = [];
  for (const route of routes) {
    if (exact.has(route.path) || patterns.some((other) => other.route.path === route.path)) throw new Error(`Two routes for ${route.path}`);
    if (route.path.includes('{')) patterns.push(templated(route));
    else exact.set(route.path, route);
  }
  return (path) => {
    const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const route = exact.get(bare);
    if (route) return { route, params: {} };
    for (const { route: candidate, pattern, names } of patterns) {
      const match = pattern.exec(bare);
      if (match) return { route: candidate, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])) };
    }
    return undefined;
  };
}
