/**
 * A flow whose secret shows before it is captured: `POST /signup` answers
 * the new API key, and the flow captures it (secret) only from `GET /me` at
 * the next step. Each server answers its own key (`key-<runtime>-0123456789`)
 * and its runtime's name at sign-up, so two of them diverge on that step.
 */
import { json, startServer, type TestServer } from './http.js';

/** The digits every key ends with: no report or recording may hold them. */
export const LATE_SECRET_DIGITS = '0123456789';

export const LATE_SECRET_FLOW = `suite: keys
sideEffects: true
cases:
  - id: signup
    steps:
      - id: create
        request: { method: POST, path: /signup }
      - id: me
        request: { method: GET, path: /me }
        capture: { key: { json: /apiKey, secret: true } }
`;

export function startKeyServer(runtime: string): Promise<TestServer> {
  return startServer((req, res) => {
    const key = `key-${runtime}-${LATE_SECRET_DIGITS}`;
    if (req.url === '/signup') return json(res, 201, { runtime, apiKey: key });
    return json(res, 200, { user: 'ada', apiKey: key });
  });
}
