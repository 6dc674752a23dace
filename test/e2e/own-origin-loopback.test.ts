/**
 * Issue 43: a server bound to 127.0.0.1 often writes its own address as
 * `localhost` (or `[::1]`): its discovery document, its self links. That is
 * its own address under another name of the same machine, with its own
 * port: compared as `{{origin}}`, no row. A planted real difference stays a
 * row beside it: another path after the address, a host that is not
 * loopback, the other side's port. Two fixtures with other members.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Api {
  readonly path: string;
  /** The document, given the side's own port, the other side's port and whether it is the candidate. */
  readonly document: (own: number, candidate: boolean) => unknown;
  /** The rows the planted differences leave. */
  readonly rows: readonly string[];
}

const DISCOVERY: Api = {
  path: '/.well-known/openid-configuration',
  document: (own, candidate) => ({
    issuer: `http://localhost:${own}`,
    token_endpoint: `http://localhost:${own}/token`,
    jwks_uri: `http://[::1]:${own}/jwks`,
    // Planted: the candidate moved userinfo.
    userinfo_endpoint: `http://localhost:${own}/${candidate ? 'me' : 'userinfo'}`,
  }),
  rows: ['value /.well-known/openid-configuration: value of `/userinfo_endpoint` differs'],
};

const LINKS: Api = {
  path: '/api/root',
  document: (own, candidate) => ({
    links: {
      self: { href: `http://localhost:${own}/api/root` },
      help: `http%3A%2F%2Flocalhost%3A${own}%2Fdocs`,
      // Planted: the candidate writes a public host, not its own address.
      status: candidate ? `http://status.example.test:${own}/` : `http://localhost:${own}/`,
    },
    name: 'depot',
  }),
  // Keyed by the two origins (docs/tracker.md, rule 25); digits elided.
  rows: [
    'value /api/root: value of `/links/status` differs: `{{origin}}/…` vs `http://status.example.test:0/…`',
  ],
};

function server(api: Api, candidate: boolean): Promise<TestServer> {
  let own = 0;
  const started = startServer((req, res) =>
    req.url === api.path
      ? json(res, 200, api.document(own, candidate))
      : json(res, 404, { error: 'no route' }),
  );
  return started.then((s) => {
    own = s.port;
    return s;
  });
}

const cases = (api: Api) => `suite: own
cases:
  - id: read
    request: { method: GET, path: ${api.path} }
`;

describe("a loopback target's own address under another loopback name", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a discovery document', DISCOVERY],
    ['self links, one URL-encoded', LINKS],
  ])('%s: no row for the address; the planted change keeps its row', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api, false), server(api, true)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(api), baseline, candidate);
    expect(causes.map((c) => `${c.kind} ${c.summary}`)).toEqual(api.rows);
  });
});
