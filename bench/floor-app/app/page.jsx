export default function Page() {
  return (
    <main>
      <h1>An empty Next.js page</h1>
      <p>Next.js and React with nothing of HTTP Auth Lab: the baseline that bench:lighthouse prints beside the lab&apos;s pages.</p>
    </main>
  );
}
