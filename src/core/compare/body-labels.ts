/**
 * A body's label travels with the body (tracker rule 52, issue 43). A server
 * writes a whole text body and its `content-type` in one call: Express's
 * `res.send('ok')` labels the string `text/html`, aiohttp's
 * `web.Response(text='OK')` `text/plain`. Where two servers answer one
 * acknowledgement in two ways (`OK` vs `ok`), the media type comes with how
 * each wrote it, so the text and its label are one decision, not a body row
 * and a header row in exactly the same answers.
 *
 * The rule, once the run has seen every answer: a `content-type` difference
 * (its header cause: another media type, or a label one side leaves out)
 * seen in **exactly the same answers** as one whole-body difference (a text
 * body keyed by what changed, rule 9, wherever it shows; a change of body
 * kind already holds its `content-type` within its answer, `findings.ts`),
 * in **two answers or more**, and in no other answer, is part of that
 * body's cause: the row the body's difference makes (its endpoint's, or the
 * row of the difference on several endpoints).
 *
 * **Kept apart**: a `content-type` difference also seen on an answer whose
 * bodies agree, or beside another body difference (its answer set differs
 * from the body's: the label is then a choice of its own, as a side that
 * labels every answer otherwise); one answer alone (nothing says they go
 * together); a body that answers give to another row in some answers and
 * not others; a body whose answers are its status's (rule 41 gives its
 * label to the status); a structured body's member changes (JSON, XML:
 * rule 59 joins a media type to their row, `structured-labels.ts`); and
 * every other header, `content-length` (it
 * follows any body that differs already, `findings.ts`), `content-encoding`
 * (compression is the transport's choice, not the text's) and a charset
 * label (a charset alone never differs beside a body that does:
 * `charset-label.ts`). Pure.
 */
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { bodyKey } from './body-causes.js';
import { ownKey } from './recurring-causes.js';
import { causeKey } from './root-cause.js';
import { inSameAnswers, oneRow } from './same-answers.js';

/** One answer as the rule reads it: its case and findings. */
interface LabelledAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** The header whose difference travels with a body's. */
const LABEL = 'content-type';

/** Where a cause shows: the answers, and per answer the body finding's cause beside it. */
interface Shown {
  readonly answers: Set<string>;
  readonly bodies: Map<string, RootCause>;
}

/**
 * By own key (`ownKey`) of a `content-type` header cause: the cause of the
 * body it labels (see the module comment). `recurring`: the causes the run
 * already gave answers' own causes (a body's on several endpoints, a
 * route's), so the label lands in the row its body does; `ofStatus`: own
 * keys of causes that are their answer's status's (rules 10 and 41), left
 * to it.
 */
export function labelsOfBodies(
  answers: readonly LabelledAnswer[],
  recurring: ReadonlyMap<string, RootCause>,
  ofStatus: ReadonlySet<string> = new Set(),
): ReadonlyMap<string, RootCause> {
  const labels = new Map<string, Shown>();
  const bodies = new Map<string, Set<string>>();
  for (const { caseId, findings } of answers) {
    const body = findings.filter(({ cause }) => bodyKey(cause) !== undefined);
    for (const { cause } of body) {
      const key = bodyKey(cause) ?? '';
      bodies.set(key, (bodies.get(key) ?? new Set()).add(caseId));
    }
    for (const { cause } of findings) {
      if (cause.type !== 'header' || cause.name !== LABEL) continue;
      const key = ownKey(cause);
      const shown = labels.get(key) ?? { answers: new Set<string>(), bodies: new Map() };
      labels.set(key, shown);
      shown.answers.add(caseId);
      // One whole body per answer at most; none, or one the status holds, keeps the label apart.
      const [one] = body;
      if (body.length === 1 && one !== undefined && !ofStatus.has(ownKey(one.cause))) {
        shown.bodies.set(caseId, one.cause);
      }
    }
  }
  const out = new Map<string, RootCause>();
  for (const [label, shown] of labels) {
    if (ofStatus.has(label)) continue;
    const cause = bodyOf(shown, bodies, recurring);
    if (cause !== undefined) out.set(label, cause);
  }
  return out;
}

/**
 * The cause of the one body difference a label shows beside in every one
 * of its answers, two or more, and nowhere else; undefined when there is
 * none, or its answers give it to two rows.
 */
function bodyOf(
  shown: Shown,
  bodies: ReadonlyMap<string, ReadonlySet<string>>,
  recurring: ReadonlyMap<string, RootCause>,
): RootCause | undefined {
  const { answers } = shown;
  if (answers.size < 2 || shown.bodies.size !== answers.size) return undefined;
  const causes = [...shown.bodies.values()];
  const keys = new Set(causes.map((cause) => bodyKey(cause)));
  const [key] = keys;
  if (keys.size !== 1 || key === undefined) return undefined;
  if (!inSameAnswers(answers, bodies.get(key), 2)) return undefined;
  // The row the body's findings land in: the run's cause for them, else their own.
  return oneRow(
    causes.map((cause) => recurring.get(ownKey(cause)) ?? cause),
    causeKey,
  );
}
