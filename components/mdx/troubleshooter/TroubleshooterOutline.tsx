import type { LeafNode, TroubleNode, TroubleTree } from '@/lib/content/troubleshooting-types';
import { indexNodes } from '@/lib/content/troubleshooting-walk';
import { CauseDetails } from './CauseDetails';
import { TroubleshooterText, spokenTroubleshooterText } from './TroubleshooterText';

const anchor = (id: string) => `troubleshooter-outline-${id}`;

/**
 * The whole tree as nested lists, server-rendered: readable without JavaScript and in print. A node
 * reached by more than one path is written out once; later paths link to it.
 */
export function TroubleshooterOutline({ tree, presetTitles }: { tree: TroubleTree; presetTitles: Readonly<Record<string, string>> }) {
  const index = indexNodes(tree);
  const written = new Set<string>();

  const render = (id: string) => {
    const node: TroubleNode | undefined = index.get(id);
    if (!node) return null;
    if (written.has(id)) {
      return (
        <a href={`#${anchor(id)}`} className="text-accent underline underline-offset-4">
          see “{spokenTroubleshooterText(node.kind === 'question' ? node.prompt : node.title)}” above
        </a>
      );
    }
    written.add(id);
    if (node.kind === 'leaf') return <Cause cause={node} presetTitles={presetTitles} />;
    return (
      <>
        <p id={anchor(id)} className="font-semibold">
          <TroubleshooterText text={node.prompt} />
        </p>
        <ul className="mt-1 list-disc space-y-2 pl-5">
          {node.answers.map((answer) => (
            <li key={answer.label}>
              <span className="italic">
                <TroubleshooterText text={answer.label} />
              </span>
              {' → '}
              {render(answer.next)}
            </li>
          ))}
        </ul>
      </>
    );
  };

  return (
    <details data-export-open className="mt-4 rounded-lg border border-line p-4 print:details-content:[content-visibility:visible]">
      <summary className="cursor-pointer font-semibold">The whole tree as a list</summary>
      <div className="mt-3 text-sm">{render(tree.root)}</div>
    </details>
  );
}

function Cause({ cause, presetTitles }: { cause: LeafNode; presetTitles: Readonly<Record<string, string>> }) {
  return (
    <div id={anchor(cause.id)} className="mt-1 rounded-md border border-line p-3">
      <p className="font-semibold">
        {cause.notTheCause ? 'Not the cause: ' : 'Cause: '}
        <TroubleshooterText text={cause.title} />
      </p>
      <CauseDetails cause={cause} presetTitles={presetTitles} />
    </div>
  );
}
