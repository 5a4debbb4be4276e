import { render, screen, within } from '@testing-library/react';
import { EmbedDialog } from '@/components/embed/EmbedDialog';

// jsdom has <dialog> but not its modal API; the browser journeys drive the real one.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

describe('the Embed dialog', () => {
  test('points trainers to their page, in a new tab so the dialog stays', () => {
    render(<EmbedDialog target={{ kind: 'lesson', slug: 'the-401-challenge', title: 'The 401 challenge' }} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Embed “The 401 challenge”' });
    const link = within(dialog).getByRole('link', { name: /page for trainers/ });
    expect(link).toHaveAttribute('href', '/trainers');
    expect(link).toHaveAttribute('target', '_blank');
  });
});
