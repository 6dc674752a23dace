// Debian's nginx for the shadow bench, in a temp folder of its own: it
// serves clients from the baseline and mirrors every request to one sink
// with `mirror` (keep-alive connections to both, as a gateway keeps them).
// Resolves with its URL and a stop; undefined when nginx is not installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';

export const nginxMissing = () => (existsSync(NGINX) ? undefined : `${NGINX} is not installed`);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function config(dir, port, baseline, sink) {
  const hostOf = (url) => new URL(url).host;
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream baseline { server ${hostOf(baseline)}; keepalive 32; }
  upstream sink { server ${hostOf(sink)}; keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location = /__nginx_ready { return 204; }
    location / {
      mirror /__mirror;
      mirror_request_body on;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass http://baseline;
    }
    location = /__mirror {
      internal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass http://sink$request_uri;
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_connect_timeout 1s;
      proxy_read_timeout 5s;
    }
  }
}
`;
}

export async function startNginx(baseline, sink) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-nginx-'));
  await mkdir(join(dir, 'logs'));
  const port = await freePort();
  await writeFile(join(dir, 'nginx.conf'), config(dir, port, baseline, sink));
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error('nginx exited');
    const up = await fetch(`${url}/__nginx_ready`).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    if (up) break;
    if (attempt > 200) throw new Error('nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
