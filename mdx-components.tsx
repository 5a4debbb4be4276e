// The one registry mapping MDX tags to components. Lessons use these names and nothing else.
import type { MDXComponents } from 'mdx/types';
import Link from 'next/link';
import { BrowserFacts } from '@/components/mdx/BrowserFacts';
import { Callout } from '@/components/mdx/Callout';
import { ClientResult } from '@/components/mdx/ClientResult';
import { CodeBlock } from '@/components/mdx/CodeBlock';
import { CredentialsModeDiagram } from '@/components/mdx/CredentialsModeDiagram';
import { DigestCalculator } from '@/components/mdx/DigestCalculator';
import { Exchange } from '@/components/mdx/Exchange';
import { HeaderAnatomy } from '@/components/mdx/HeaderAnatomy';
import { InDepth } from '@/components/mdx/InDepth';
import { LabOrigin } from '@/components/mdx/LabOrigin';
import { LabHost } from '@/components/mdx/LabHost';
import { LessonSequenceDiagram } from '@/components/mdx/LessonSequenceDiagram';
import { ProtectionSpaceTree } from '@/components/mdx/ProtectionSpaceTree';
import { Quiz } from '@/components/mdx/Quiz';
import { SectionHeading } from '@/components/mdx/SectionHeading';
import { Troubleshooter } from '@/components/mdx/Troubleshooter';
import { TryIt } from '@/components/mdx/TryIt';

function MdxLink({ href = '', children, ...rest }: React.ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('/')) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

const components = {
  a: MdxLink,
  h2: SectionHeading,
  BrowserFacts,
  Callout,
  ClientResult,
  CodeBlock,
  CredentialsModeDiagram,
  DigestCalculator,
  Exchange,
  HeaderAnatomy,
  InDepth,
  // Written by lib/content/mdx/mark-lab-origin.mjs, never by a lesson.
  LabOrigin,
  LabHost,
  ProtectionSpaceTree,
  Quiz,
  // Lessons write <SequenceDiagram>; the playground's transcript diagram is TranscriptSequenceDiagram.
  SequenceDiagram: LessonSequenceDiagram,
  Troubleshooter,
  TryIt,
} satisfies MDXComponents;

export function useMDXComponents(inherited: MDXComponents = {}): MDXComponents {
  return { ...inherited, ...components };
}
