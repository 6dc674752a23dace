/**
 * Entity tags are opaque validators (RFC 9110 8.8.3): two servers of one API
 * each make their own. An `ETag` header of one kind on answers that show
 * their bodies, and a member named for a tag (a JSON record's `eTag`, an XML
 * multistatus's `getetag`) of one kind, are no row, with nothing else in the
 * answer to prove it. Beside them, a real change of content keeps its row,
 * a strong tag against a weak one keeps its row, and a `HEAD` whose tags no
 * other answer showed keeps its row (its tag is all that shows the content).
 * Two fixtures of other names, shapes and body kinds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly type: string;
  /** The body of `/doc/:n` for side `n` (0 baseline, 1 candidate), holding `tag`. */
  readonly body: (doc: string, tag: string, side: 0 | 1) => string;
  /** Each side's tag for a document: strong or weak alike, of another shape on each side. */
  readonly tag: (doc: string, side: 0 | 1) => string;
  /** Where the member tag sits. */
  readonly member: string;
}

const JSON_NOTES: Fixture = {
  name: 'JSON records with an eTag member, strong tags',
  type: 'application/json',
  body: (doc, tag, side) =>
    JSON.stringify({ id: doc, text: doc === 'changed' && side === 1 ? 'bye' : 'hi', eTag: tag }),
  tag: (doc, side) => (side === 0 ? `"${doc.length}-1f2e3d4c"` : `"${doc}x${doc.length * 7}9a"`),
  member: 'eTag',
};

const XML_DAV: Fixture = {
  name: 'an XML multistatus with getetag, weak tags',
  type: 'application/xml',
  body: (doc, tag, side) =>
    `<?xml version="1.0"?><multistatus><response><href>/dav/${doc}</href><propstat><prop><getetag>${tag}</getetag><displayname>${doc === 'changed' && side === 1 ? 'Renamed' : doc}</displayname></prop></propstat></response></multistatus>`,
  tag: (doc, side) => (side === 0 ? `W/"${doc.length}a${doc.length}"` : `W/"c0ffee${doc.length}"`),
  member: 'getetag',
};

function server(f: Fixture, side: 0 | 1): Promise<TestServer> {
  return startServer((req, res) => {
    const doc = (req.url ?? '/').split('/').pop() ?? '';
    // One document answers a weak tag on the candidate where the baseline's is strong.
    let tag = f.tag(doc, side);
    if (doc === 'kind' && side === 1) tag = tag.startsWith('W/') ? tag.slice(2) : `W/${tag}`;
    res.writeHead(200, { 'content-type': f.type, etag: tag });
    res.end(req.method === 'HEAD' ? undefined : f.body(doc, tag, side));
  });
}

const cases = `suite: tags
defaults:
  rules: { headers: [etag] }
cases:
  - id: same
    request: { method: GET, path: /doc/same }
  - id: changed
    request: { method: GET, path: /doc/changed }
  - id: kind
    request: { method: GET, path: /doc/kind }
  - id: head
    request: { method: HEAD, path: /doc/unseen }
`;

describe('entity tags of one kind are each server’s own', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([JSON_NOTES, XML_DAV])('$name', async (f) => {
    const baseline = await server(f, 0);
    const candidate = await server(f, 1);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/tags.yaml': cases });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const result = (id: string) => report.results.find((r) => r.caseId === `tags/${id}`);
    // Tags alone differ: equal, the header and the member set aside with their evidence.
    expect(result('same')?.verdict).toBe('equal');
    expect(result('same')?.derived).toEqual(['header etag']);
    expect(result('same')?.generated?.join('\n')).toMatch(
      new RegExp(`/${f.member} \\(entity tags, (strong|weak) on both sides: opaque validators`),
    );
    // A real change of content keeps its row; its tags are not the row.
    expect(result('changed')?.verdict).toBe('divergent');
    const rows = (report.rootCauses ?? []).map((c) => c.summary);
    expect(
      rows.some((r) => r.includes('text') || r.includes('displayname')),
      rows.join('\n'),
    ).toBe(true);
    // Strong against weak, and a HEAD whose tags no answer showed, keep their rows.
    expect(result('kind')?.verdict).toBe('divergent');
    expect(result('head')?.verdict).toBe('divergent');
    // Two header rows: the strong tag against the weak one, and the HEAD's (no body to show).
    expect(
      rows.filter((r) => r.includes('header `etag`')),
      rows.join('\n'),
    ).toHaveLength(2);
    expect(
      rows.some((r) => r.includes(`/${f.member}`)),
      rows.join('\n'),
    ).toBe(true);
  });
});
