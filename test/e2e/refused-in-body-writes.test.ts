/**
 * A call refused in the body on one side and answered with a result on the
 * other, one status (rule 29: an XML-RPC fault, a JSON-RPC `error`), wrote on
 * the accepting side where a later list of its sequence holds, on that side
 * only, an element that names what it sent (docs/tracker.md rule 38): that
 * list difference shows under the call's row. A later list element that names
 * nothing the call sent keeps its own row. Two fixtures: an XML-RPC catalogue
 * whose baseline faults, and a JSON-RPC notebook whose candidate errs.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly contentType: string;
  /** The side that refuses the add in its body; the other adds. */
  readonly refuser: 'baseline' | 'candidate';
  readonly add: string;
  readonly list: string;
  readonly other: string;
  readonly sent: string;
  readonly call: (method: string, value?: string) => string;
  readonly parse: (body: string) => { method: string; value?: string | undefined };
  readonly result: (value: unknown) => string;
  readonly refusal: (message: string) => string;
}

const xml = (value: unknown): string => {
  if (Array.isArray(value)) {
    return `<array><data>${value.map((v) => `<value>${xml(v)}</value>`).join('')}</data></array>`;
  }
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(
      ([name, v]) => `<member><name>${name}</name><value>${xml(v)}</value></member>`,
    );
    return `<struct>${members.join('')}</struct>`;
  }
  return `<string>${String(value)}</string>`;
};

const CATALOGUE: Fixture = {
  name: 'an XML-RPC catalogue',
  path: '/RPC2',
  contentType: 'text/xml',
  refuser: 'baseline',
  add: 'catalogue.put',
  list: 'catalogue.all',
  other: 'catalogue.tags',
  sent: 'brass lantern',
  call: (method, value) =>
    `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${value === undefined ? '' : `<param><value><string>${value}</string></value></param>`}</params></methodCall>`,
  parse: (body) => ({
    method: /<methodName>([^<]*)</.exec(body)?.[1] ?? '',
    value: /<string>([^<]*)</.exec(body)?.[1],
  }),
  result: (value) =>
    `<?xml version="1.0"?><methodResponse><params><param><value>${xml(value)}</value></param></params></methodResponse>`,
  refusal: (message) =>
    `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>3</int></value></member><member><name>faultString</name><value><string>${message}</string></value></member></struct></value></fault></methodResponse>`,
};

const NOTEBOOK: Fixture = {
  name: 'a JSON-RPC notebook',
  path: '/rpc',
  contentType: 'application/json',
  refuser: 'candidate',
  add: 'notes_write',
  list: 'notes_index',
  other: 'notes_tags',
  sent: 'call the plumber',
  call: (method, value) =>
    JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: value === undefined ? [] : [value] }),
  parse: (body) => {
    const call = JSON.parse(body) as { method: string; params: string[] };
    return {
      method: call.method,
      ...(call.params[0] === undefined ? {} : { value: call.params[0] }),
    };
  },
  result: (value) => JSON.stringify({ jsonrpc: '2.0', id: 1, result: value }),
  refusal: (message) => JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32602, message } }),
};

/**
 * Both sides hold one record; the refusing side refuses the add in its
 * body. The `other` call lists tags, where the accepting side holds one more
 * of its own (a name no request sent): a difference of its own.
 */
function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  const records: { title: string }[] = [{ title: 'first record' }];
  return startServer((_req, res, text) => {
    const { method, value } = f.parse(text);
    const answer = (body: string) => {
      res.writeHead(200, { 'content-type': f.contentType });
      res.end(body);
    };
    if (method === f.add) {
      if (side === f.refuser) return answer(f.refusal('titles of two words are refused'));
      records.push({ title: value ?? '' });
      return answer(f.result({ title: value ?? '' }));
    }
    if (method === f.other) {
      const tags = side === f.refuser ? ['general'] : ['general', 'seeded by the server'];
      return answer(f.result(tags.map((tag) => ({ tag }))));
    }
    return answer(f.result(records));
  });
}

const cases = (f: Fixture) =>
  [
    'suite: s',
    'serial: true',
    'sideEffects: true',
    'cases:',
    ...[
      ['add', f.call(f.add, f.sent)],
      ['list', f.call(f.list)],
      ['tags', f.call(f.other)],
    ].map(
      ([id, body]) =>
        `  - id: ${id}\n    request: { method: POST, path: ${f.path}, headers: { content-type: ${f.contentType} }, text: ${JSON.stringify(body)} }`,
    ),
    '',
  ].join('\n');

describe('a call refused in the body on one side wrote on the other', () => {
  it.each([CATALOGUE, NOTEBOOK])('$name: the later list element it names is its row', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) =>
      server(f, candidate ? 'candidate' : 'baseline'),
    );
    const all = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds, c.consequences]),
      null,
      1,
    );
    const add = causes.find((c) => c.caseIds.includes('s/add'));
    // The list difference the add explains shows under the add's row.
    expect(add?.caseIds, all).toContain('s/list');
    expect(add?.consequences, all).toContain('s/list');
    // Kept apart: a later list whose extra element names nothing the call sent.
    const tags = causes.find((c) => c.caseIds.includes('s/tags'));
    expect(tags?.caseIds, all).toEqual(['s/tags']);
  });
});
