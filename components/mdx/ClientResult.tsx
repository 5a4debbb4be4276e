import { SiteLink } from '@/components/layout/SiteLink';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import { compatData } from '@/lib/compat/compat-data';
import { type ClientResultProps, clientResultModel } from '@/lib/content/widgets/client-result';

/**
 * <ClientResult case client />: inline, beside a lesson's sentence about a named client, what the lab
 * measured (content/compat/results, read at build time): the client, its version and the verdict in
 * words, linking to the case page at that client, where its recorded requests and full version are.
 */
export function ClientResult(props: ClientResultProps) {
  const model = clientResultModel(props, compatData());
  return (
    <SiteLink href={model.href} data-client-result="" className="not-prose rounded font-medium text-accent underline underline-offset-4">
      {model.clientName} {model.version} <VerdictBadge verdict={model.verdict} compact />
      <span className="sr-only"> in the lab&apos;s case “{model.caseTitle}”</span>
    </SiteLink>
  );
}
