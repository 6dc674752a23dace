/**
 * A real nginx (Debian's `/usr/sbin/nginx`; `.ci/run` installs it when
 * missing), started in the foreground in a temp folder of its own: its
 * prefix, pid, logs and temp paths there, listening on a port picked free.
 * It serves clients from the baseline and mirrors every request to the
 * given sinks with the `mirror` directive.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from './http.js';

export const NGINX = '/usr/sbin/nginx';

export interface Nginx {
  readonly url: string;
  stop(): Promise<void>;
  errorLog(): Promise<string>;
}

/** The config: `location /` proxies to the baseline and mirrors to each sink (one `mirror` line each). */
export function nginxConfig(dir: string, port: number, baseline: string, sinks: readonly string[]) {
  const mirrors = sinks.map((_, i) => `      mirror /__parity_mirror_${i};`).join('\n');
  const locations = sinks
    .map(
      (sink, i) => `
    location = /__parity_mirror_${i} {
      internal;
      proxy_pass ${sink}$request_uri;
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Host $host;
      proxy_connect_timeout 1s;
      proxy_read_timeout 5s;
    }`,
    )
    .join('\n');
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = /__nginx_ready { return 204; }
    location / {
${mirrors}
      mirror_request_body on;
      proxy_pass ${baseline};
    }
${locations}
  }
}
`;
}

export async function startNginx(baseline: string, sinks: readonly string[]): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-nginx-'));
  await mkdir(join(dir, 'logs'));
  const port = await closedPort();
  await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, port, baseline, sinks));
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Ready once it answers (the baseline's answer, through nginx).
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const up = await fetch(`${url}/__nginx_ready`).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    if (up) break;
    if (attempt > 200) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    errorLog: () => readFile(join(dir, 'error.log'), 'utf8').catch(() => ''),
  };
}
