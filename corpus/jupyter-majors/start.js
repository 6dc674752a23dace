// Jupyter's REST API from two majors of its Python server, both Debian
// packages: the classic Notebook server 6.4.12 (baseline, `jupyter-notebook`)
// vs jupyter_server 1.23.3 (candidate, `jupyter-server`), the server that
// was split out of it and became the base of Notebook 7 and JupyterLab. Both
// are Tornado apps. Each start serves a fresh copy of the same small folder
// (a text file, a notebook, a subfolder with a CSV; the same modification
// times on both), with its own fresh config, data and runtime folders and
// HOME, token and password off and the XSRF check off (as for a script that
// calls the API), on free 127.0.0.1 ports.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aptInstall,
  freePort,
  freshDir,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const notebook = {
  cells: [
    {
      cell_type: 'markdown',
      id: 'intro',
      metadata: {},
      source: ['# Points\n', 'A small analysis.'],
    },
    {
      cell_type: 'code',
      execution_count: 1,
      id: 'sum',
      metadata: {},
      outputs: [{ name: 'stdout', output_type: 'stream', text: ['6\n'] }],
      source: ['print(1 + 2 + 3)'],
    },
  ],
  metadata: {
    kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
    language_info: { name: 'python' },
  },
  nbformat: 4,
  nbformat_minor: 5,
};

// 2026-11-01T12:00:00Z: the fixed files' times, the same on both sides.
const fixedTime = new Date('2026-11-01T12:00:00Z');

function writeSite(root) {
  const files = {
    'notes.txt': 'Remember to water the plants.\n',
    'analysis.ipynb': `${JSON.stringify(notebook, null, 1)}\n`,
    'data/points.csv': 'x,y\n1,2\n3,4\n',
  };
  mkdirSync(join(root, 'data'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(root, name), text);
    utimesSync(join(root, name), fixedTime, fixedTime);
  }
  utimesSync(join(root, 'data'), fixedTime, fixedTime);
}

supervise(async () => {
  aptInstall(
    ['jupyter-notebook', 'jupyter-server'],
    ['/usr/bin/jupyter-notebook', '/usr/bin/jupyter-server'],
  );
  const start = async (name, bin, app, dirOption) => {
    const port = await freePort();
    const state = freshDir(name);
    const root = join(state, 'root');
    mkdirSync(root);
    writeSite(root);
    for (const sub of ['home', 'config', 'data', 'runtime']) mkdirSync(join(state, sub));
    const env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: join(state, 'home'),
      JUPYTER_CONFIG_DIR: join(state, 'config'),
      JUPYTER_DATA_DIR: join(state, 'data'),
      JUPYTER_RUNTIME_DIR: join(state, 'runtime'),
      JUPYTER_PLATFORM_DIRS: '1',
    };
    const args = [
      '--no-browser',
      '--allow-root', // the corpus may run as root (CI does); no effect otherwise
      '--ip=127.0.0.1',
      `--port=${port}`,
      '--port-retries=0',
      `--${app}.token=`,
      `--${app}.password=`,
      `--${app}.disable_check_xsrf=True`,
      `--${app}.${dirOption}=${root}`,
    ];
    startProcess(name, bin, args, { cwd: state, env });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/api`, 60_000);
    return { name, url };
  };
  const [baseline, candidate] = await Promise.all([
    start('notebook6', '/usr/bin/jupyter-notebook', 'NotebookApp', 'notebook_dir'),
    start('jupyter-server1', '/usr/bin/jupyter-server', 'ServerApp', 'root_dir'),
  ]);
  return { baseline, candidate };
});
