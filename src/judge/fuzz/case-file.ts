/**
 * A finding as an ordinary case file: one case (suite `fuzz`) sending the
 * shrunk input exactly, with the seed's rule layers, a description that says
 * what diverges, and comments naming the command, the seed and the mutation
 * that found it. Before it is kept, the text is read back the way `parity run`
 * reads a case file and must plan the very request the fuzzer sent; when it
 * does not (a YAML string that cannot hold the body), the body is written as
 * `base64:` instead. Secrets from `${env:…}` are written as their
 * placeholders. Pure.
 */

import { isUtf8 } from 'node:buffer';
import { Document, Scalar, YAMLSeq } from 'yaml';
import type { Case } from '../../contract/model/case.js';
import type { RulesSpec } from '../../contract/rules/schema.js';
import type { Redactor } from '../../core/redact/redact.js';
import { encodeQuery, type PlannedRequest, planRequest } from '../../core/request/plan.js';
import { resolvedCases } from '../../io/cases/load.js';
import { parseCaseFile } from '../../io/cases/parse-file.js';
import type { Env } from '../../util/env.js';
import { explainRootCause, type SideNames } from './explain.js';
import { MUTATION_HELP } from './mutations.js';
import { bodyBytes, type FuzzRequest, requestBodyOf, toCase } from './request.js';
import { GROUP_TITLES } from './root-cause.js';
import { splitByRule } from './rule.js';
import type { SeedRules } from './seed-rules.js';
import type { TalliedDiscovery } from './shrink-finding.js';

/** The suite of every written case: their ids are `fuzz/<name>`. */
export const FUZZ_SUITE = 'fuzz';

export interface CaseFileInput {
  readonly finding: TalliedDiscovery;
  /** The case id within the suite, and the file name without `.yaml`. */
  readonly name: string;
  readonly names: SideNames;
  /** The command that found it, e.g. `parity fuzz --seed 42 --budget 5000`. */
  readonly command: string;
  readonly rules: SeedRules | undefined;
  readonly redact: Redactor;
  /** Other root causes the same shrunk request shows (one line each). */
  readonly alsoShows?: readonly string[];
}

/** How the file is read back: the environment and the config's rules. */
export interface ReadBack {
  /** The file's display path (for messages). */
  readonly file: string;
  readonly env: Env;
  readonly globalRules: RulesSpec | undefined;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A case name from the divergence: the endpoint, the two answers and the
 * input rule for a cause split by rule
 * (`post-v1-validate-400-vs-200-trailing-data`), the endpoint and the two
 * answers for another status change (`post-v1-validate-422-vs-400`), the
 * pattern for a pattern (`get-v1-records-nil-slice`), the status and the kind
 * of cause otherwise (`get-v1-records-id-400-body-kind`).
 */
export function caseName(finding: TalliedDiscovery): string {
  const { rootCause: cause } = finding;
  const endpoint = slug(cause.endpoint) || 'root';
  const [b, c] = [slug(String(cause.baseline)), slug(String(cause.candidate))];
  if (splitByRule(cause)) return `${endpoint}-${b}-vs-${c}-${finding.rule}`;
  if (cause.type === 'status') return `${endpoint}-${b}-vs-${c}`;
  if (['body-kind', 'structure', 'header'].includes(cause.type)) {
    return `${endpoint}-${b}-${cause.type}`;
  }
  return `${endpoint}-${slug(cause.type)}`;
}

type Body = { json: unknown } | { text: string } | { base64: string };

function bodyField(request: FuzzRequest, redact: Redactor, exact: boolean): Body | undefined {
  const bytes = bodyBytes(request.body);
  if (bytes === undefined) return undefined;
  if (exact) return { base64: bytes.toString('base64') };
  const body = requestBodyOf(bytes);
  if (body.kind === 'json') return { json: redact.value(body.value) };
  if (body.kind === 'text') return { text: redact.text(body.text) };
  return { base64: bytes.toString('base64') };
}

/** The `request:` of a case file sending `request` (`exact`: the body as base64 whatever it is). */
export function requestSpec(request: FuzzRequest, redact: Redactor, exact: boolean) {
  const path = redact.text(request.path + encodeQuery(request.query));
  const headers = Object.fromEntries(request.headers.map(([n, v]) => [n, redact.text(v)]));
  return {
    method: request.method,
    path,
    ...(request.headers.length > 0 ? { headers } : {}),
    ...bodyField(request, redact, exact),
  };
}

/** Double quotes hold any string exactly (escapes for control characters). */
export function quoteStrings(
  doc: Document,
  index: number,
  request: readonly (string | number)[] = ['request'],
): void {
  const tags = doc.getIn(['cases', index, 'tags'], true);
  if (tags instanceof YAMLSeq) tags.flow = true;
  for (const key of ['path', 'text']) {
    const node = doc.getIn(['cases', index, ...request, key], true);
    if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
  }
}

/** The comment a finding's case file opens with: the command, the seed, the mutation, the root cause. */
export function findingComment(input: CaseFileInput): string {
  const { finding } = input;
  const { seed, found, rootCause } = finding;
  const source = `${seed.case.source.file}:${seed.case.source.line}:${seed.case.source.column}`;
  const also = finding.alsoBy.length > 0 ? `; also hit by ${finding.alsoBy.join(', ')}` : '';
  return [
    ` Found by \`${input.command}\` (input ${found.index + 1}; ${finding.hits} input(s) showed it${also}).`,
    ` Seed: ${seed.case.id} (${source})`,
    ` Mutation: ${found.mutation.name} (${MUTATION_HELP[found.mutation.name]})`,
    `   ${found.mutation.detail}`,
    // The mutation names the input as found; the request below is that input shrunk.
    ` Root cause: ${GROUP_TITLES[rootCause.group].split(':')[0]}${splitByRule(rootCause) ? `; input rule: ${finding.rule} (one case per rule)` : ''}. ${shrunkWords(finding.shrink)}`,
    ...(input.alsoShows ?? []).map((line) => ` Also shows: ${line}`),
  ].join('\n');
}

/** How the request below came from the input the mutation line names. */
function shrunkWords(shrink: { steps: number; attempts: number; capped?: boolean }): string {
  const capped = shrink.capped === true ? ' (stopped at the replay limit)' : '';
  if (shrink.steps === 0) {
    return `Shrunk in 0 step(s), ${shrink.attempts} replay(s)${capped}: the request below is the input as found.`;
  }
  return `Shrunk in ${shrink.steps} step(s), ${shrink.attempts} replay(s)${capped}: the request below is the input above made smaller, so it may no longer show the mutation as written.`;
}

/** The YAML text of the case file (`exact`: the body as base64 whatever it is). */
export function renderFuzzCase(input: CaseFileInput, exact: boolean): string {
  const { finding, redact } = input;
  const spec = {
    id: input.name,
    description: explainRootCause(finding.rootCause, input.names),
    tags: ['fuzz', finding.rootCause.group],
    request: requestSpec(finding.request, redact, exact),
    ...(input.rules?.rules === undefined ? {} : { rules: input.rules.rules }),
  };
  const defaults = input.rules?.defaults;
  const doc = new Document({
    suite: FUZZ_SUITE,
    ...(defaults === undefined ? {} : { defaults: { rules: defaults } }),
    cases: [spec],
  });
  doc.commentBefore = findingComment(input);
  quoteStrings(doc, 0);
  return doc.toString({ lineWidth: 0 });
}

const sameBytes = (a: PlannedRequest['body'], b: PlannedRequest['body']) =>
  a === undefined || b === undefined
    ? a === b
    : Buffer.from(typeof a === 'string' ? Buffer.from(a) : a).equals(
        Buffer.from(typeof b === 'string' ? Buffer.from(b) : b),
      );

/**
 * A planned request as compared: secrets as their placeholders. The file
 * holds `${env:TOK}`, which reads back as the value; the fuzzer sent the
 * placeholder's text in its place (`secrets.ts`): the two are one request.
 */
function compared(plan: PlannedRequest, redact: Redactor) {
  const body = plan.body;
  const text =
    body === undefined
      ? undefined
      : redact.text(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  return JSON.stringify([
    plan.method,
    redact.text(plan.pathAndQuery),
    plan.headers.map(([n, v]) => [n, redact.text(v)]),
    text,
  ]);
}

/** Per case of `text` read as a case file: whether it plans exactly the request expected of it. */
function plannedExactly(
  text: string,
  expected: readonly PlannedRequest[],
  back: ReadBack,
  redact: Redactor,
): boolean[] {
  const none = expected.map(() => false);
  const outcome = parseCaseFile(Buffer.from(text, 'utf8'), back.file);
  if (!outcome.ok || outcome.parsed.problems.length > 0) return none;
  const options = { cwd: '.', env: back.env, globalRules: back.globalRules };
  const loaded = [...resolvedCases(outcome.parsed, options)];
  if (loaded.length !== expected.length) return none;
  return loaded.map((each, i) => {
    const want = expected[i];
    const one = each.entry?.case;
    if (want === undefined || one === undefined || one.kind === 'flow' || each.problems.length > 0)
      return false;
    return plansAlike(planRequest(one), want, redact);
  });
}

/**
 * Whether two planned requests are one request: bytes that are not text the
 * very bytes, text compared with secrets as their placeholders.
 */
export function plansAlike(plan: PlannedRequest, want: PlannedRequest, redact: Redactor): boolean {
  const binary = (b: PlannedRequest['body']) =>
    b !== undefined && typeof b !== 'string' && !isUtf8(Buffer.from(b));
  if (binary(plan.body) || binary(want.body)) {
    return (
      plan.method === want.method &&
      plan.pathAndQuery === want.pathAndQuery &&
      JSON.stringify(plan.headers) === JSON.stringify(want.headers) &&
      sameBytes(plan.body, want.body)
    );
  }
  return compared(plan, redact) === compared(want, redact);
}

/** True when `text`, read as a case file, plans exactly `expected`. */
function plansExactly(
  text: string,
  expected: PlannedRequest,
  back: ReadBack,
  redact: Redactor,
): boolean {
  return plannedExactly(text, [expected], back, redact)[0] === true;
}

/** The case the written file must plan the same as: the input as the fuzzer sent it. */
export function sentCase(finding: TalliedDiscovery, name: string): Case {
  return toCase(finding.seed.case, finding.request, `${FUZZ_SUITE}/${name}`);
}

/**
 * The case file of a finding, checked by reading it back; undefined when no
 * form of it plans the request the fuzzer sent (see the module comment).
 */
export function caseFileOf(input: CaseFileInput, back: ReadBack): string | undefined {
  const expected = planRequest(sentCase(input.finding, input.name));
  for (const exact of [false, true]) {
    const text = renderFuzzCase(input, exact);
    if (plansExactly(text, expected, back, input.redact)) return text;
  }
  return undefined;
}

/** One input that may have stopped a target, as a case of the suspects file. */
export interface Suspect {
  readonly seed: TalliedDiscovery['seed'];
  readonly request: FuzzRequest;
  /** 0-based position in the input stream. */
  readonly index: number;
}

/** What the suspects file says and is named by. */
export interface SuspectsInput {
  readonly suspects: readonly Suspect[];
  /** The case id prefix (`<name>-1`, `<name>-2`, …). */
  readonly name: string;
  /** Why these inputs: one line, e.g. which side stopped answering after which input. */
  readonly why: string;
  readonly command: string;
  readonly redact: Redactor;
}

/**
 * The inputs that may have stopped a target, as one serial case file (most
 * likely first), each case checked by reading the file back as for a
 * finding; undefined when some input has no exact form.
 */
export function suspectsFileOf(input: SuspectsInput, back: ReadBack): string | undefined {
  const expected = input.suspects.map((s, i) =>
    planRequest(toCase(s.seed.case, s.request, `${FUZZ_SUITE}/${input.name}-${i + 1}`)),
  );
  let exact = input.suspects.map(() => false);
  for (let round = 0; round < 2; round++) {
    const text = renderSuspects(input, exact);
    const planned = plannedExactly(text, expected, back, input.redact);
    if (planned.every(Boolean)) return text;
    exact = exact.map((was, i) => was || planned[i] !== true);
  }
  return undefined;
}

/**
 * What the suspects file says of inputs to flow steps: each is written as
 * the step's request alone, so its `{{name}}` values (captured by the flow's
 * earlier steps) are sent as written; a fuzz with a reset command writes
 * such an input as its flow up to the step.
 */
function flowSuspectsNote(suspects: readonly Suspect[]): string[] {
  const flows = [...new Set(suspects.flatMap((s) => s.seed.case.flow?.id ?? []))];
  if (flows.length === 0) return [];
  return [
    ` Inputs to steps of flow(s) ${flows.join(', ')} are written as the step's request alone:`,
    " its {{name}} values need the flow's earlier steps. Paste such a request into its flow",
    ' (after the steps that capture them) to replay it, or fuzz with --reset-command, which',
    ' writes it as the flow up to the step.',
  ];
}

function renderSuspects(input: SuspectsInput, exact: readonly boolean[]): string {
  const cases = input.suspects.map((suspect, i) => ({
    id: `${input.name}-${i + 1}`,
    description: `input ${suspect.index + 1} of \`${input.command}\`, from seed ${suspect.seed.case.id}`,
    tags: ['fuzz', 'crash-suspect'],
    request: requestSpec(suspect.request, input.redact, exact[i] === true),
  }));
  const doc = new Document({ suite: FUZZ_SUITE, serial: true, cases });
  doc.commentBefore = [
    ` ${input.why}`,
    ' One of these inputs may be what stopped it (most likely first); without a reset hook',
    ' parity could not send them again one at a time to find which. To find it: restart the',
    ' target and run this file (serial: one input at a time, in this order; the first case',
    ' after which the target fails is the one), or fuzz again with --reset-command that',
    ' restarts the target: the input is then found, shrunk and written as a case of its own.',
    ' Delete this file once you know.',
    ...flowSuspectsNote(input.suspects),
  ].join('\n');
  for (let i = 0; i < cases.length; i++) quoteStrings(doc, i);
  return doc.toString({ lineWidth: 0 });
}
