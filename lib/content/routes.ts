import fs from 'node:fs';
import path from 'node:path';

/**
 * The site's static page routes, read from the app folder (route groups like "(site)" and private
 * "_folders" do not appear in URLs; dynamic "[segments]" are left to their own checks).
 */
export function staticPageRoutes(appDir: string = path.join(process.cwd(), 'app')): string[] {
  const routes: string[] = [];
  function walk(dir: string, segments: string[]) {
    for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
      if (entry.isFile() && /^page\.(tsx|ts|mdx)$/.test(entry.name)) routes.push(`/${segments.join('/')}`);
      if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('[')) continue;
      const isGroup = entry.name.startsWith('(') && entry.name.endsWith(')');
      walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
    }
  }
  walk(appDir, []);
  return routes.sort();
}
