// The floor for bench:lighthouse: the smallest Next.js App Router page this project's stack can ship
// (the same next, react and react-dom), one static paragraph and no client component of ours. Whatever
// it scores is the framework's own cost, to read the lab's pages against.
export const metadata = {
  title: 'Floor: an empty Next.js page',
  description: 'The Lighthouse baseline for HTTP Auth Lab: Next.js and React with nothing of the lab.',
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', lineHeight: 1.5 }}>{children}</body>
    </html>
  );
}
