// Prettier decides layout (docs/stack.md): no line-length debates in review. The Tailwind plugin orders
// class names as Tailwind 4 does, reading the theme from the lab's own stylesheet.
/** @type {import('prettier').Config} */
const config = {
  printWidth: 160,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-tailwindcss'],
  tailwindStylesheet: './app/globals.css',
  tailwindFunctions: ['clsx'],
};

export default config;
