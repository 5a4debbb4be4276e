// nginx in front of several production servers, as docs/deploying.md shows it: Debian's nginx run with
// `-p dir` on a free loopback port (daemon off), every file it reads or writes under `dir`. The system
// service is never used. nginx comes from scripts/ensure-test-tools.sh.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../../scripts/serve-build.mjs';

const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/**
 * nginx's configuration, everything under `dir` (nginx -p dir): no file outside it is read or written.
 * `proxy_next_upstream error timeout http_502 non_idempotent`: nginx passes a request on to the next
 * server when it could not connect, the connection failed or timed out before a response header came, or
 * the upstream answered 502. Without `non_idempotent` nginx never re-sends a POST that had already been
 * sent; here every POST is free of side effects (a token is only signed, never stored; /api/exchange
 * only simulates), so re-sending one is as safe as re-sending a GET. A 5xx from the app itself is not
 * retried (no http_500): it would be a bug to see, not to hide.
 */
export function nginxConfig(dir: string, port: number, upstreams: string[]): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  log_format upstreams '$status $request_method $upstream_addr $upstream_status $request_uri';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream lab {
${upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=30s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://lab;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # Who the client is, and whether it used https, for the instances' rate limit and HSTS (TRUST_PROXY).
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 15s;
      proxy_next_upstream error timeout http_502 non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
}

export async function startNginx(dir: string, upstreams: string[]): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = Number(await freePort());
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(dir, port, upstreams));
  // -e: the error log before the configuration is read (Debian's default is a system path).
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}: ${stderr}${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true)).once('error', () => resolve(false));
      socket.unref();
      setTimeout(() => socket.destroy(), 500);
    });
    if (up) return { baseUrl, child };
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
