export default function Home() { return <main>HTTP Auth Lab</main>; }
