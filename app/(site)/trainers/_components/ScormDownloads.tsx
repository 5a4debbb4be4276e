import type { Lesson } from '@/lib/content/lessons';
import { scormDownloadPath } from '@/lib/export/scorm-download-paths';
import type { ScormVersion } from '@/lib/scorm/manifest';

const VERSIONS: readonly { version: ScormVersion; label: string }[] = [
  { version: '2004-4th', label: 'SCORM 2004' },
  { version: '1.2', label: 'SCORM 1.2' },
];

const link = 'text-accent underline underline-offset-4';

/**
 * The SCORM downloads (issue 17): the course in both versions, then every lesson's package. The site
 * builds each zip when asked, for its own address (lib/export/scorm-downloads.ts). A lesson's links say
 * which lesson to a screen reader, which reads a link without its row.
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
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">One lesson’s SCORM package</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1.5 pr-4 font-semibold">
              Lesson
            </th>
            {VERSIONS.map(({ version, label }) => (
              <th key={version} scope="col" className="py-1.5 pr-4 font-semibold">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lessons.map((lesson) => (
            <tr key={lesson.slug} className="border-b border-line align-top last:border-0">
              <th scope="row" className="py-1.5 pr-4 font-normal">
                {lesson.frontmatter.title}
              </th>
              {VERSIONS.map(({ version, label }) => (
                <td key={version} className="py-1.5 pr-4">
                  <a href={scormDownloadPath(version, lesson)} download className={link}>
                    Download
                    <span className="sr-only">
                      {' '}
                      {lesson.frontmatter.title} as {label}
                    </span>
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
