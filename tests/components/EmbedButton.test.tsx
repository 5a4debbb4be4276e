import { render, screen } from '@testing-library/react';
import { EmbedButton } from '@/components/embed/EmbedButton';

// jsdom has <dialog> but not its modal API; the browser journeys drive the real one.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

afterEach(() => history.replaceState(null, '', '/'));

const target = { kind: 'lesson', slug: 'the-401-challenge', title: 'The 401 challenge' } as const;

describe('the Embed button', () => {
  test('a page opened at #embed (the page for trainers links so) opens its Embed dialog, once', async () => {
    history.replaceState(null, '', '/lessons/the-401-challenge#embed');
    render(<EmbedButton target={target} />);
    expect(await screen.findByRole('dialog', { name: 'Embed “The 401 challenge”' })).toBeInTheDocument();
    // The fragment is gone, so a reload after closing does not open it again.
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/lessons/the-401-challenge');
  });

  test('without the fragment, the dialog waits for the button', () => {
    history.replaceState(null, '', '/lessons/the-401-challenge');
    render(<EmbedButton target={target} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: /Embed/ })).toBeInTheDocument();
  });
});
