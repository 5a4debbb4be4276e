import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import { useReducer } from 'react';
import userEvent from '@testing-library/user-event';
import { RequestEditor } from '@/components/playground/RequestEditor';

// jsdom has no TextEncoder, which the presets (through lib/http-auth) need when they load: the state
// modules are loaded once the global is in place.
let model: typeof import('@/lib/playground/model');
let reducer: typeof import('@/lib/playground/reducer');

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  model = await import('@/lib/playground/model');
  reducer = await import('@/lib/playground/reducer');
});

// Issue 16, bug 6: "target: must start with /api/sandbox/" showed 700 px from the field, unannounced and
// in the schema's names. Each problem now sits under its own control, which names it (aria-describedby,
// aria-invalid), in a live region, in the words the form's labels use.

/** The editor as the playground drives it: its problems are requestForSend's for the current state. */
function Editor() {
  const [state, dispatch] = useReducer(reducer.playgroundReducer, model.defaultState());
  const ready = reducer.requestForSend(state);
  return <RequestEditor request={state.request} problems={ready.kind === 'invalid' ? ready.fields : []} dispatch={dispatch} />;
}

test('a valid request: no control is marked invalid or described by a problem', () => {
  render(<Editor />);
  const target = screen.getByRole('textbox', { name: 'Path and query (on the sandbox)' });
  expect(target).not.toHaveAttribute('aria-invalid');
  expect(target).not.toHaveAttribute('aria-describedby');
});

test('a path outside the sandbox: the problem is under the field, names it as labelled, and is announced', async () => {
  const user = userEvent.setup();
  render(<Editor />);
  const target = screen.getByRole('textbox', { name: 'Path and query (on the sandbox)' });
  await user.clear(target);
  await user.type(target, '/elsewhere');
  expect(target).toHaveAttribute('aria-invalid', 'true');
  expect(target).toHaveAccessibleDescription('Path and query must start with /api/sandbox/: the playground only talks to the sandbox.');
  const message = document.getElementById(target.getAttribute('aria-describedby') ?? '');
  expect(message).toHaveAttribute('aria-live', 'polite');
  expect(message?.textContent).not.toMatch(/\btarget\b/);
  // Right after the field: the next element after its label.
  expect(target.closest('label')?.nextElementSibling).toBe(message);
  // The field's name stays its label alone.
  expect(target).toHaveAccessibleName('Path and query (on the sandbox)');
});

test('a bad header name and value: each problem is under its own header, in plain words', async () => {
  const user = userEvent.setup();
  render(<Editor />);
  await user.click(screen.getByRole('button', { name: 'Add a header' }));
  const name = screen.getByRole('textbox', { name: 'Header 1 name' });
  const value = screen.getByRole('textbox', { name: 'Header 1 value' });
  await user.type(name, 'Bad Name');
  expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(name).toHaveAccessibleDescription(/^Header 1 name can only hold letters, digits and -/);
  expect(value).not.toHaveAttribute('aria-invalid');
  await user.clear(name);
  expect(name).toHaveAccessibleDescription('Header 1 name is empty: type a name, or remove the header.');
  const row = name.closest('li') as HTMLElement;
  expect(within(row).getByText(/^Header 1 name is empty/)).toHaveAttribute('aria-live', 'polite');
});
