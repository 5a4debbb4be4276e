import { SiteLink } from '@/components/layout/SiteLink';
import { citationText, citationUrl, lessonHref, tryHref, type LeafNode } from '@/lib/content/troubleshooting-types';
import { TroubleshooterText } from './TroubleshooterText';

/** A cause's explanation, fix, rule and next steps; shared by the interactive walk and the outline. */
export function CauseDetails({ cause, presetTitles }: { cause: LeafNode; presetTitles: Readonly<Record<string, string>> }) {
  const tryLabel = cause.tryIt.kind === 'preset' ? `Try “${presetTitles[cause.tryIt.preset] ?? cause.tryIt.preset}” in the playground` : cause.tryIt.label;
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-semibold">{cause.notTheCause ? 'Why not' : 'Cause'}</dt>
      <dd>
        <TroubleshooterText text={cause.cause} />
      </dd>
      <dt className="font-semibold">{cause.notTheCause ? 'Instead' : 'Fix'}</dt>
      <dd>
        <TroubleshooterText text={cause.fix} />
      </dd>
      <dt className="font-semibold">Rule</dt>
      <dd>
        {cause.citations.map((citation, i) => (
          <span key={citationUrl(citation)}>
            {i > 0 && ', '}
            <a href={citationUrl(citation)} className="text-accent underline underline-offset-4">
              {citationText(citation)}
            </a>
          </span>
        ))}
      </dd>
      <dt className="font-semibold">Learn and try</dt>
      <dd>
        <SiteLink href={lessonHref(cause.lesson)} className="text-accent underline underline-offset-4">
          {cause.lesson.label}
        </SiteLink>
        {' · '}
        <SiteLink href={tryHref(cause.tryIt)} className="text-accent underline underline-offset-4">
          <TroubleshooterText text={tryLabel} />
        </SiteLink>
      </dd>
    </dl>
  );
}
