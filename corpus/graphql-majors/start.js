// json-graphql-server 2.4.0 (baseline) vs 3.3.2 (candidate): two majors of one
// npm server that serves a GraphQL API over a JSON data file (a type per
// collection, `allX`/`X`/`_allXMeta` queries, create/update/remove mutations,
// relations by `<type>_id` fields), stateful in memory. Both are started by
// their own bin (Express) on a free 127.0.0.1 port, each in a fresh folder
// holding the same data file (a small blog: users, posts, comments), so every
// start begins from the same data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

/** The data file both majors serve (json-graphql-server reads it with `require`). */
const data = {
  users: [
    { id: 1, name: 'Ada Lovelace', email: 'ada@example.org', admin: true },
    { id: 2, name: 'Grace Hopper', email: 'grace@example.org', admin: false },
    { id: 3, name: 'Alan Turing', email: 'alan@example.org', admin: false },
  ],
  posts: [
    {
      id: 1,
      title: 'Notes on the engine',
      views: 254,
      published: true,
      user_id: 1,
      tags: ['math', 'history'],
    },
    {
      id: 2,
      title: 'Compilers for everyone',
      views: 65,
      published: true,
      user_id: 2,
      tags: ['code'],
    },
    { id: 3, title: 'A draft', views: 0, published: false, user_id: 2, tags: [] },
    {
      id: 4,
      title: 'On computable numbers',
      views: 1024,
      published: true,
      user_id: 3,
      tags: ['math'],
    },
  ],
  comments: [
    { id: 1, body: 'Brilliant', post_id: 1, user_id: 2 },
    { id: 2, body: 'Could you expand on the loops?', post_id: 1, user_id: 3 },
    { id: 3, body: 'Finally', post_id: 2, user_id: 1 },
  ],
};

supervise(async () => {
  const start = async (name, version) => {
    const dir = npmInstall(`json-graphql-server-${version}`, [`json-graphql-server@${version}`]);
    const pkg = join(dir, 'node_modules/json-graphql-server');
    const bin = join(
      pkg,
      'bin',
      version.startsWith('2.') ? 'json-graphql-server.js' : 'json-graphql-server.cjs',
    );
    const port = await freePort();
    const cwd = freshDir(name);
    writeFileSync(join(cwd, 'db.json'), `${JSON.stringify(data, null, 2)}\n`);
    const args = [bin, 'db.json', '--port', String(port), '--host', '127.0.0.1'];
    startProcess(name, process.execPath, args, { cwd });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/`);
    return { name, url };
  };
  return {
    baseline: await start('jgs2', '2.4.0'),
    candidate: await start('jgs3', '3.3.2'),
  };
});
