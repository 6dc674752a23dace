/**
 * The credentials an import dropped, taken out of everything else it writes:
 * a token sent in an `Authorization` header (or a form's `password=`, a
 * query's `api_key=`) that the same source also wrote into a path, another
 * query value, a body field or a description is replaced there, in every
 * form the redactor knows (URL-encoded, escaped, base64, any case, …), by
 * `REDACTED`. A case file is committed: no credential may sit in it, in any
 * place. Pure.
 */

import { isCredentialName } from '../../core/redact/credential-names.js';
import { literalSecrets } from '../../core/redact/literal-credentials.js';
import { createRedactor } from '../../core/redact/redact.js';
import { caseBody } from './body.js';
import { withoutCredentials } from './body-credentials.js';
import { contentTypeOf, headerFate } from './headers.js';
import type { CaseFileModel, ImportedRequest } from './types.js';

/** What stands for a dropped credential in what the import writes. */
const PLACEHOLDER = 'REDACTED';

/** The values the import drops as credentials: headers, query parameters and body fields. */
function droppedValues(requests: readonly ImportedRequest[]): Set<string> {
  const values = new Set<string>();
  for (const request of requests) {
    for (const [name, value] of request.headers) {
      if (headerFate(name) === 'secret') values.add(value);
    }
    for (const [name, value] of request.query) if (isCredentialName(name)) values.add(value);
    if (request.body.kind === 'text' || request.body.kind === 'json') {
      const type = contentTypeOf(request.headers);
      for (const value of withoutCredentials(caseBody(request.body, type), type).values) {
        values.add(value);
      }
    }
  }
  return values;
}

/** `files` with every dropped credential of `requests` replaced wherever it still appears. */
export function scrubFiles(
  files: readonly CaseFileModel[],
  requests: readonly ImportedRequest[],
): CaseFileModel[] {
  // A placeholder any place of a case takes as written (a path cannot hold `[`).
  const { secrets } = literalSecrets(droppedValues(requests), new Map(), PLACEHOLDER);
  if (secrets.size === 0) return [...files];
  const redact = createRedactor({ headerNames: [], secrets });
  return files.map((file) => ({
    ...file,
    cases: file.cases.map((item) => ({
      ...item,
      request: redact.same(item.request),
      description: item.description === undefined ? undefined : redact.text(item.description),
      comments: item.comments.map(redact.text),
    })),
    ...(file.flow === undefined
      ? {}
      : {
          flow: {
            ...file.flow,
            steps: file.flow.steps.map((step) => ({
              ...step,
              request: redact.same(step.request),
              comments: step.comments.map(redact.text),
            })),
          },
        }),
  }));
}
