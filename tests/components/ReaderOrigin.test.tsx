/**
 * @jest-environment-options {"url": "http://127.0.0.1:8080/lessons/basic-authentication"}
 */
// Commands on a page name the origin the reader is on: the server's HTML says the configured one (so the
// page reads right without JavaScript), hydration swaps in window.location's, and Copy copies that one.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { CodeBlock } from '@/components/mdx/CodeBlock';
import { LabOrigin } from '@/components/mdx/LabOrigin';
import { CopyButton } from '@/components/ui/CopyButton';
import { OriginText } from '@/components/ui/OriginText';

const READER = 'http://127.0.0.1:8080';
const CONFIGURED = 'https://lab.example.edu';

afterEach(() => {
  delete process.env.SITE_URL;
  jest.restoreAllMocks();
});

/** What the server sends, then the same tree hydrated in this document, as a browser does. */
async function serveAndHydrate(tree: React.ReactElement): Promise<{ served: string; container: HTMLElement }> {
  const served = renderToString(tree);
  const container = document.createElement('div');
  container.innerHTML = served;
  document.body.appendChild(container);
  await act(async () => {
    hydrateRoot(container, tree);
  });
  return { served, container };
}

describe('the reader’s origin in commands', () => {
  test('a marked origin in a lesson’s code: SITE_URL in the server’s HTML, the page’s own origin once hydrated, and Copy copies that', async () => {
    process.env.SITE_URL = CONFIGURED;
    const command = 'curl -i http://localhost:3000/api/sandbox/basic';
    const tree = (
      <CodeBlock lang="shell" code={command}>
        <pre>
          <code>
            curl -i <LabOrigin />
            /api/sandbox/basic
          </code>
        </pre>
      </CodeBlock>
    );
    const { served, container } = await serveAndHydrate(tree);
    expect(served).toContain(`curl -i <span data-lab-origin="">${CONFIGURED}</span>/api/sandbox/basic`);
    expect(container.querySelector('pre')?.textContent).toBe(`curl -i ${READER}/api/sandbox/basic`);

    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy Shell' }));
    expect(writeText).toHaveBeenCalledWith(`curl -i ${READER}/api/sandbox/basic`);
    container.remove();
  });

  test('a command built from SITE_URL (the sandbox panel, the API page) shows and copies the page’s origin', async () => {
    const command = `curl -i -u alice:wonderland ${CONFIGURED}/api/sandbox/basic # not ${CONFIGURED}.evil`;
    const tree = (
      <>
        <CopyButton text={command} origin={CONFIGURED} />
        <code>
          <OriginText text={command} origin={CONFIGURED} />
        </code>
      </>
    );
    const { served, container } = await serveAndHydrate(tree);
    expect(served).toContain(
      `<code>curl -i -u alice:wonderland <span data-lab-origin="">${CONFIGURED}</span>/api/sandbox/basic # not ${CONFIGURED}.evil</code>`,
    );
    const expected = `curl -i -u alice:wonderland ${READER}/api/sandbox/basic # not ${CONFIGURED}.evil`;
    expect(container.querySelector('code')?.textContent).toBe(expected);

    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(expected);
    container.remove();
  });

  test('a copy button without an origin copies its text exactly', async () => {
    render(<CopyButton text="curl -i http://localhost:3000/api/sandbox/basic" />);
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('curl -i http://localhost:3000/api/sandbox/basic');
  });
});
