/**
 * Issue 43, tracker rule 52 (`body-labels.ts`), with real servers: a whole
 * text body and its `content-type`, written by one call (Express's
 * `res.send('ok')` labels it `text/html`), are one row where the label
 * differs in exactly the answers where the text does, two or more. Rule 9's
 * words: texts that differ in letter case alone say so, never as an enum's
 * casing, and never quote the texts. Planted twice, with other routes,
 * texts and media types (one fixture's texts on one endpoint, the other's
 * on two). Kept apart, each its own row: the same label difference on an
 * answer whose bodies agree, and a header that describes no body's text
 * (`cache-control`). A JSON body's members beside a JSON media type of its
 * own are no text: rule 59's row (`structured-labels.ts`).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly method: 'POST' | 'PUT';
  /** The routes the acknowledgement is answered on (a `:id` each). */
  readonly routes: readonly string[];
  /** Each side's text and media type. */
  readonly texts: readonly [string, string];
  readonly types: readonly [string, string];
  /** The words of its row. */
  readonly row: RegExp;
  /** A read both sides answer with one text, labelled as the acknowledgement is. */
  readonly ping: string;
  /** A record whose members and JSON media type differ on the same answers. */
  readonly record: string;
}

const FIRST: Fixture = {
  name: 'an acknowledgement in another letter case, on one endpoint',
  method: 'POST',
  routes: ['queue'],
  texts: ['ACCEPTED', 'accepted'],
  types: ['text/plain', 'text/html'],
  row: /^POST \/queue\/:id: body text differs in letter case only \(text\/plain vs text\/html\)$/,
  ping: 'health',
  record: 'profile',
};
const SECOND: Fixture = {
  name: 'a receipt worded otherwise, on two endpoints',
  method: 'PUT',
  routes: ['notes', 'drafts'],
  texts: ['saved', 'stored ok'],
  types: ['text/csv', 'text/markdown'],
  row: /^body differs alike on several endpoints \(text\/csv vs text\/markdown, [0-9a-f]{8}\)$/,
  ping: 'status',
  record: 'account',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const side = candidate ? 1 : 0;
  return startServer((req, res) => {
    const [, top = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const label = (type: string | undefined) =>
      type === undefined ? {} : { 'content-type': type };
    if (top === f.ping) {
      res.writeHead(200, { ...label(f.types[side]), 'cache-control': 'no-store' });
      res.end('up');
      return;
    }
    if (top === f.record) {
      const type = candidate ? 'application/vnd.api+json' : 'application/json';
      const body = candidate ? { id: 1, name: 'x', kind: 'user' } : { id: 1, name: 'x' };
      return json(res, 200, body, { 'content-type': type });
    }
    // The candidate's acknowledgements are never to be cached: a choice of its own.
    const cache = candidate ? { 'cache-control': 'no-store' } : {};
    res.writeHead(200, { ...label(f.types[side]), ...cache });
    res.end(f.texts[side]);
  });
}

function cases(f: Fixture, more = ''): string {
  const writes = f.routes.flatMap((route) =>
    [1, 2].map(
      (n) => `  - id: ${route}-${n}
    request: { method: ${f.method}, path: /${route}/${n}, text: 'x${n}' }
`,
    ),
  );
  return `suite: s
${more}cases:
${writes.join('')}`;
}

const ping = (f: Fixture) => `  - id: ping
    request: { method: GET, path: /${f.ping} }
`;
const records = (f: Fixture) =>
  [1, 2]
    .map(
      (n) => `  - id: record-${n}
    request: { method: GET, path: /${f.record}/${n} }
`,
    )
    .join('');

const writeIds = (f: Fixture) =>
  f.routes.flatMap((route) => [1, 2].map((n) => `s/${route}-${n}`)).sort();

describe('a text body and its label, in exactly the same answers, are one row', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([expect.stringMatching(f.row)]);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(writeIds(f));
    // Words for what was identified: no texts, and no enum idiom.
    for (const text of f.texts) expect(summaries[0]).not.toContain(`\`${text}\``);
    expect(summaries[0]).not.toContain('enum');
  });

  it.each([FIRST, SECOND])(
    '$name: the same label on an answer whose bodies agree keeps its row',
    async (f) => {
      const library = cases(f).replace('cases:\n', `cases:\n${ping(f)}`);
      const causes = await rootCausesOfServers(library, (candidate) => server(f, candidate));
      const summaries = causes.map((c) => c.summary);
      const label = causes.find((c) => c.summary.includes('`content-type`'));
      expect([...(label?.caseIds ?? [])].sort(), JSON.stringify(summaries)).toEqual(
        ['s/ping', ...writeIds(f)].sort(),
      );
      const body = causes.find((c) => f.row.test(c.summary));
      expect([...(body?.caseIds ?? [])].sort(), JSON.stringify(summaries)).toEqual(writeIds(f));
      expect(causes).toHaveLength(2);
    },
  );

  it.each([FIRST, SECOND])(
    '$name: a JSON body’s members and its media type are rule 59’s row, not rule 52’s',
    async (f) => {
      const library = `suite: s\ncases:\n${records(f)}`;
      const causes = await rootCausesOfServers(library, (candidate) => server(f, candidate));
      const summaries = causes.map((c) => c.summary).sort();
      // The member's row, named with both media types (`structured-labels.ts`), no text row.
      expect(summaries, JSON.stringify(summaries)).toEqual([
        `/${f.record}: candidate adds \`/kind\`; \`application/json\` → \`application/vnd.api+json\``,
      ]);
    },
  );

  it.each([FIRST, SECOND])(
    '$name: a header that describes no text (cache-control) keeps its row',
    async (f) => {
      const library = cases(f, 'defaults:\n  rules: { headers: [cache-control] }\n');
      const causes = await rootCausesOfServers(library, (candidate) => server(f, candidate));
      const summaries = causes.map((c) => c.summary);
      const cache = causes.find((c) => c.summary.includes('`cache-control`'));
      expect([...(cache?.caseIds ?? [])].sort(), JSON.stringify(summaries)).toEqual(writeIds(f));
      expect(summaries.some((s) => f.row.test(s))).toBe(true);
      expect(summaries.some((s) => s.includes('`content-type`'))).toBe(false);
      expect(causes).toHaveLength(2);
    },
  );
});
