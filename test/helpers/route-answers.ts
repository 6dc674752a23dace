/**
 * Canned answers by `method path` for servers that stand in for one side of
 * an API (rule 54's fixtures): each side's answer, the status, content-type
 * and body as written; a case file that sends one request per route.
 */
import { startServer, type TestServer } from './http.js';

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

export type Side = 'baseline' | 'candidate';

export const jsonOf = (status: number, value: unknown): Answer => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

export const textOf = (status: number, body: string): Answer => ({
  status,
  type: 'text/plain; charset=utf-8',
  body,
});

/** A server that answers each request with `answerOf(method, path)`. */
export function routeServer(
  answerOf: (method: string, path: string) => Answer,
): Promise<TestServer> {
  return startServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const answer = answerOf(method, path);
    res.writeHead(answer.status, { 'content-type': answer.type });
    res.end(answer.body);
  });
}

/** A case file of one suite, a case per `id: 'METHOD /path'`. */
export function routeCaseFile(suite: string, cases: Readonly<Record<string, string>>): string {
  const each = Object.entries(cases).map(([id, endpoint]) => {
    const [method, path] = endpoint.split(' ');
    return `  - id: ${id}\n    request: { method: ${method}, path: ${path} }`;
  });
  return `suite: ${suite}\ncases:\n${each.join('\n')}\n`;
}
