import { SiteLink } from '@/components/layout/SiteLink';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import { EmbedLink } from '@/components/embed/EmbedLink';
import { compatData } from '@/lib/compat/compat-data';
import { type ClientResultModel, type ClientResultProps, clientResultModel } from '@/lib/content/widgets/client-result';

const LINK_CLASS = 'not-prose rounded font-medium text-accent underline underline-offset-4';

function Content({ model }: { model: ClientResultModel }) {
  return (
    <>
      {model.clientName} {model.version} <VerdictBadge verdict={model.verdict} compact />
      <span className="sr-only"> in the lab&apos;s case “{model.caseTitle}”</span>
    </>
  );
}

/**
 * <ClientResult case client />: inline, beside a lesson's sentence about a named client, what the lab
 * measured (content/compat/results, read at build time): the client, its version and the verdict in
 * words, linking to the case page at that client, where its recorded requests and full version are.
 */
export function ClientResult(props: ClientResultProps) {
  const model = clientResultModel(props, compatData());
  return (
    <SiteLink href={model.href} data-client-result="" className={LINK_CLASS}>
      <Content model={model} />
    </SiteLink>
  );
}

/** The same in an embedded lesson, whose links open the lab in a new tab (EmbedLink) rather than the frame. */
export function EmbeddedClientResult(props: ClientResultProps) {
  const model = clientResultModel(props, compatData());
  return (
    <EmbedLink href={model.href} data-client-result="" className={LINK_CLASS}>
      <Content model={model} />
    </EmbedLink>
  );
}
