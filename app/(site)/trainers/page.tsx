import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { loadLessons } from '@/lib/content/lessons';
import { MASTERY_SCORE } from '@/lib/scorm/manifest';
import { OPEN_EMBED_FRAGMENT } from '@/lib/site/embed';
import { siteUrl } from '@/lib/site/site';
import { HandoutDownloads } from './_components/HandoutDownloads';
import { LabCommand } from './_components/LabCommand';
import { OfflineTable } from './_components/OfflineTable';
import { ScormDownloads } from './_components/ScormDownloads';
import { TrainerSection } from './_components/TrainerSection';

export const metadata: Metadata = {
  title: 'For trainers',
  description:
    'Embed a lesson, one section, a Try it or the playground in your own pages; paste a lab link into any oEmbed consumer; build SCORM packages and PDF handouts.',
  alternates: { canonical: '/trainers' },
};

const link = 'text-accent underline underline-offset-4';
const code = 'font-mono text-sm';

/**
 * The trainers' page (issue 17): what the Embed dialog, oEmbed, the SCORM packages and the handouts give,
 * as docs/embedding.md describes them, and the downloads the site builds for its own address (the commands
 * that build the same from the source name the reader's own origin for --lab).
 */
export default function TrainersPage() {
  const origin = siteUrl().origin;
  const lessons = loadLessons();
  const lesson = lessons[0];
  const passMark = Math.round(MASTERY_SCORE * 100);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">For trainers</h1>
      <p className="mt-4 text-lg text-muted">
        Put the lab into your course: embed a lesson or part of one in your own pages, paste a link into a tool that speaks oEmbed, or load the lessons into
        your LMS as SCORM packages and hand out PDFs.
      </p>
      <div className="mt-10">
        <TrainerSection id="embed" title="Embed a lesson, a section, a Try it or the playground">
          <p>
            Every lesson, every lesson section and the playground have an <strong>Embed</strong> button; a section’s sits beside its heading once you switch on{' '}
            <strong>For trainers</strong> at the top of the lesson. It opens a dialog with a live preview and the code to paste: an{' '}
            <code className={code}>&lt;iframe&gt;</code> with a small sizing script, a Markdown link and the plain URL. Its options choose the theme, whether
            the sandbox parts and the quiz are shown, and which section to start at.
          </p>
          <ul className="list-disc space-y-1 pl-6">
            <li>
              A lesson: <code className={code}>/embed/lessons/{'{slug}'}</code>, the lesson without the site around it.
            </li>
            <li>
              One section: the same with <code className={code}>?section={'{heading-id}'}</code>.
            </li>
            <li>
              One Try it: <code className={code}>/embed/try/{'{preset}'}</code>, the expected exchange, runnable live.
            </li>
            <li>
              The playground: <code className={code}>/embed/playground?…</code>, on the state of any playground share link.
            </li>
          </ul>
          <p>
            Embeds use no cookies or storage, open their links in a new tab, and let the keyboard leave every editor with Esc. To try it, open{' '}
            {lesson ? (
              <>
                <SiteLink href={`/lessons/${lesson.slug}#${OPEN_EMBED_FRAGMENT}`} className={link}>
                  {lesson.frontmatter.title} with its Embed dialog open
                </SiteLink>
                .
              </>
            ) : (
              <>
                <SiteLink href="/lessons" className={link}>
                  a lesson
                </SiteLink>{' '}
                and press Embed at its top.
              </>
            )}
          </p>
        </TrainerSection>

        <TrainerSection id="oembed" title="Paste a link: oEmbed">
          <p>
            Paste a lab link into a course page, wiki or CMS that speaks oEmbed (WordPress, for one) and it becomes the embedded lesson, section or playground.
            The lab answers at <code className={code}>/api/oembed</code> for its own links only.
          </p>
          <ul className="list-disc space-y-1 pl-6">
            <li>A playground share link keeps its state; an embed link keeps its options.</li>
            <li>
              To share one section with any consumer, use{' '}
              <code className={code}>
                /lessons/{'{slug}'}?section={'{id}'}#{'{id}'}
              </code>
              : readers still jump to the heading, and the server sees the section (a bare <code className={code}>#{'{id}'}</code> never reaches it).
            </li>
            <li>
              Where the host runs the embed&apos;s script, the frame grows or shrinks to its content, up to the consumer&apos;s{' '}
              <code className={code}>maxheight</code>; where it does not, the frame keeps its first height and scrolls.
            </li>
            <li>
              Canvas (and other LTI hosts) and WordPress size the frame without the script: the embed also sends Canvas&apos;s{' '}
              <code className={code}>lti.frameResize</code> message and WordPress&apos;s height message.
            </li>
          </ul>
        </TrainerSection>

        <TrainerSection id="scorm" title="SCORM packages for your LMS">
          <p>
            Each lesson comes as a SCORM 1.2 and a SCORM 2004 4th Edition package, ready to upload to Moodle, Canvas, Blackboard or any other LMS. A course
            package holds the whole course, every lesson its own SCO in course order.
          </p>
          <p>What the LMS receives:</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>The score: the percentage of &quot;Check yourself&quot; questions right at the first try. A lesson passes at {passMark}&nbsp;%.</li>
            <li>The learner&apos;s place: answers and the last question, so a relaunch resumes where they stopped.</li>
            <li>One interaction per question (the answer, the right one, the result) and one objective per question.</li>
            <li>The session time. Once the LMS holds a result the package never writes over it.</li>
            <li>Review, browse and no-credit launches: nothing is written.</li>
          </ul>
        </TrainerSection>

        <TrainerSection id="handouts" title="PDF handouts">
          <p>Every lesson prints as a clean handout from the browser. The PDF export makes three editions of each lesson:</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>Full: the whole lesson, every fold open, for learners.</li>
            <li>Short: the opening, the summary and the quiz, two or three pages.</li>
            <li>Trainer: the full lesson with every quiz answered and explained. It says so on every page; do not hand it out.</li>
          </ul>
        </TrainerSection>

        <TrainerSection id="downloads" title="Download the packages and handouts">
          <p>
            This site builds each package when you ask for it, for its own address: the packages call and link to the lab you are reading. Upload a zip to your
            LMS as it is.
          </p>
          <ScormDownloads lessons={lessons} />
          <HandoutDownloads lessons={lessons} />
          <p>From the lab&apos;s source code, the same files come from these commands (for a build server or an offline copy):</p>
          <LabCommand
            label="Every lesson and the course, SCORM 1.2 and 2004"
            command={`npm run export:scorm -- --all --course --lab ${origin}`}
            origin={origin}
          />
          <LabCommand label="Every handout, all three editions" command={`SITE_URL=${origin} npm run export:pdf`} origin={origin} />
          <p className="text-sm text-muted">
            <code className={code}>--scorm 1.2</code> or <code className={code}>--scorm 2004</code> builds one version; lesson slugs instead of{' '}
            <code className={code}>--all</code> build those lessons; <code className={code}>--edition full|short|trainer</code> prints one edition.
          </p>
        </TrainerSection>

        <TrainerSection id="offline" title="What works offline">
          <p>A package needs no server: it works from the LMS or a folder on disk. Only the live parts need the lab.</p>
          <OfflineTable />
          <p>
            Next to each Try it a note says which transcript is shown: the recorded one, or the lab&apos;s live answer. When the lab cannot be reached (offline,
            an LMS or network that blocks it, no answer within 8 seconds) the recorded one stays, with the reason.
          </p>
        </TrainerSection>
      </div>
    </div>
  );
}
