import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { MASTERY_SCORE } from '@/lib/scorm/manifest';

// The page reads the lessons, whose frontmatter checks name the sandbox's presets, which need TextEncoder
// (jsdom has none): the page is loaded once the global is in place.
let TrainersPage: typeof import('@/app/(site)/trainers/page').default;
let loadLessons: typeof import('@/lib/content/lessons').loadLessons;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ default: TrainersPage } = await import('@/app/(site)/trainers/page'));
  ({ loadLessons } = await import('@/lib/content/lessons'));
});

describe('the page for trainers', () => {
  test('has one section per topic, each a region named by its heading', () => {
    render(<TrainersPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'For trainers' })).toBeInTheDocument();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(sections).toEqual([
      'Embed a lesson, a section, a Try it or the playground',
      'Paste a link: oEmbed',
      'SCORM packages for your LMS',
      'PDF handouts',
      'Download the packages and handouts',
      'What works offline',
    ]);
    for (const name of sections) expect(screen.getByRole('region', { name: name ?? '' })).toBeInTheDocument();
  });

  test('states the SCORM pass mark the packages declare, and links to a lesson whose Embed dialog to open', () => {
    render(<TrainersPage />);
    const scorm = within(screen.getByRole('region', { name: 'SCORM packages for your LMS' }));
    expect(scorm.getByText(new RegExp(`passes at ${Math.round(MASTERY_SCORE * 100)}\\s%`))).toBeInTheDocument();
    const embed = within(screen.getByRole('region', { name: 'Embed a lesson, a section, a Try it or the playground' }));
    // The link opens the lesson with its Embed dialog open (EmbedButton reads #embed).
    const lessonLink = embed.getByRole('link', { name: /with its Embed dialog open$/ });
    expect(lessonLink.getAttribute('href')).toMatch(/^\/lessons\/[\w-]+#embed$/);
  });

  test('offers the course and every lesson as SCORM 2004 and 1.2 downloads, each link naming its lesson', () => {
    render(<TrainersPage />);
    const downloads = within(screen.getByRole('region', { name: 'Download the packages and handouts' }));
    expect(downloads.getByRole('link', { name: 'SCORM 2004 course package' })).toHaveAttribute('href', '/trainers/downloads/scorm/2004/course.zip');
    expect(downloads.getByRole('link', { name: 'SCORM 1.2 course package' })).toHaveAttribute('href', '/trainers/downloads/scorm/1.2/course.zip');
    const table = within(downloads.getByRole('table', { name: 'One lesson’s SCORM package' }));
    const lessons = loadLessons();
    expect(table.getAllByRole('rowheader').map((header) => header.textContent)).toEqual(lessons.map((lesson) => lesson.frontmatter.title));
    const first = lessons[0]!;
    const base = first.file.replace(/\.mdx$/, '');
    expect(table.getByRole('link', { name: `Download ${first.frontmatter.title} as SCORM 1.2` })).toHaveAttribute(
      'href',
      `/trainers/downloads/scorm/1.2/${base}.zip`,
    );
    expect(table.getByRole('link', { name: `Download ${first.frontmatter.title} as SCORM 2004` })).toHaveAttribute(
      'href',
      `/trainers/downloads/scorm/2004/${base}.zip`,
    );
    // Beside them, the PDF handouts (tests/components/HandoutDownloads.test.tsx checks the table itself).
    expect(within(downloads.getByRole('table', { name: 'PDF handouts per lesson' })).getAllByRole('rowheader')).toHaveLength(lessons.length);
  });

  test('names the build commands with this lab as --lab', () => {
    render(<TrainersPage />);
    const build = within(screen.getByRole('region', { name: 'Download the packages and handouts' }));
    const commands = build.getAllByRole('figure').map((figure) => figure.querySelector('code')?.textContent);
    // jsdom's page is on http://localhost, which the reader-origin component fills in once hydrated.
    expect(commands).toEqual([
      `npm run export:scorm -- --all --course --lab ${window.location.origin}`,
      `SITE_URL=${window.location.origin} npm run export:pdf`,
    ]);
  });

  test('the offline table says what needs the lab, row by row', () => {
    render(<TrainersPage />);
    const table = screen.getByRole('table', { name: 'What works offline in a package, and what needs the lab' });
    const tryIt = within(table).getByRole('rowheader', { name: 'Try it' }).closest('tr');
    expect(tryIt).toHaveTextContent(/recorded when the package was built/);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['In the package', 'Offline (no lab)', 'With the lab reachable']);
  });

  test('the site footer links to it', () => {
    render(<SiteFooter />);
    expect(within(screen.getByRole('navigation', { name: 'Footer' })).getByRole('link', { name: 'For trainers' })).toHaveAttribute('href', '/trainers');
  });
});
