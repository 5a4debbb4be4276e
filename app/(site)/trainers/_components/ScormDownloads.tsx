import type { Lesson } from '@/lib/content/lessons';
import { scormDownloadPath } from '@/lib/export/scorm-download-paths';
import type { ScormVersion } from '@/lib/scorm/manifest';
import { DownloadTable } from './DownloadTable';

const VERSIONS: readonly { version: ScormVersion; label: string }[] = [
  { version: '2004-4th', label: 'SCORM 2004' },
  { version: '1.2', label: 'SCORM 1.2' },
];

const link = 'text-accent underline underline-offset-4';

/**
 * The SCORM downloads (issue 17): the course in both versions, then every lesson's package. The site
 * builds each zip when asked, for its own address (lib/export/scorm-downloads.ts).
 */
export function ScormDownloads({ lessons }: { lessons: readonly Lesson[] }) {
  return (
    <>
      <p>
        The whole course, every lesson its own SCO in course order:{' '}
        {VERSIONS.map(({ version, label }, index) => (
          <span key={version}>
            {index > 0 ? ' or ' : null}
            <a href={scormDownloadPath(version)} download className={link}>
              {label} course package
            </a>
          </span>
        ))}
        .
      </p>
      <DownloadTable
        caption="One lesson’s SCORM package"
        columns={VERSIONS.map(({ version, label }) => ({ key: version, header: label }))}
        rows={lessons.map((lesson) => ({
          key: lesson.slug,
          title: lesson.frontmatter.title,
          cells: VERSIONS.map(({ version, label }) => ({
            key: version,
            href: scormDownloadPath(version, lesson),
            shown: 'Download',
            spoken: `Download ${lesson.frontmatter.title} as ${label}`,
          })),
        }))}
      />
    </>
  );
}
