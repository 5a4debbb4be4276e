// The floor app for bench:lighthouse (see app/layout.jsx); built into its own .next by the benchmark.
/** @type {import('next').NextConfig} */
const floorConfig = { poweredByHeader: false, reactStrictMode: true };

export default floorConfig;
