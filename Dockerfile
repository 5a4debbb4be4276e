# HTTP Auth Lab in a container: `npm start` (dist/server.mjs, server.ts bundled by `npm run build`, on
# node:http, with Next for the pages).
# Next's `output: 'standalone'` is not used: it traces only Next's own minimal server.js, never a custom
# server such as server.ts (Next's docs: the two "cannot be used together"), so the image keeps the
# default output and the production node_modules instead. See docs/deploying.md, "Docker".
#
#   docker build -t http-auth-lab .
#   docker run --rm -p 8080:3000 -e SANDBOX_SECRET="$(openssl rand -hex 32)" http-auth-lab

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# The build needs the dev dependencies (Tailwind, TypeScript, esbuild, ...); the running server does not:
# plain node runs the bundle in dist/, which imports only Node's builtins and next.
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production PORT=3000 NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
# docker stop sends SIGTERM to PID 1, npm, which passes it to its script; the script `exec`s node (a plain
# `sh -c` would die of the signal and leave the server running, to be SIGKILLed without draining), so the
# server gets it and drains in-flight requests for up to 10 s (docker stop's default grace).
CMD ["npm", "start"]
