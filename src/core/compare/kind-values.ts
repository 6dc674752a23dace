/**
 * Values compared across body kinds (issue 43: no decision hidden inside
 * another row). A server rewritten from XML errors to JSON ones
 * (`<Error><Code>EntityNotFound</Code>…` against `{"odata.error":
 * {"code": "ResourceNotFound", …}}`) shows one body-kind change per answer,
 * and a body of another kind is compared as a whole: the error format is
 * one row (rule 11), and a code one side names otherwise in some answers
 * (a second decision) had none.
 *
 * The rule, once the run has seen every answer: among the answers whose
 * bodies are a JSON document on one side and an XML one on the other, two
 * places, one in each format (`/Error/Code`, `/odata.error/code`), are **the
 * same value** when they hold the same text in two answers or more, and no
 * other place of either side does so as often (the evidence is the data:
 * never the members' names). Where such places hold different texts in an
 * answer, that is a finding of its own, one row per pair of places listing
 * its pairs of values (``value of `/Error/Code` (`/odata.error/code` in
 * JSON) differs: `EntityNotFound` vs `ResourceNotFound` ``). **Kept apart**: places whose texts never agree
 * (a message each side words its own way, an id each side draws: nothing
 * shows they are one value), a place two others tie for, a list (several
 * values at a place), a text too plain to be evidence (a number, a flag, a
 * word of two letters), and bodies a preview cut. Pure.
 */
import type { Finding, SkeletonChange, StructureCause } from '../../contract/root-cause.js';
import { escapeSegment } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { resourceOfEndpoint } from './endpoint.js';
import { errorClassOf, type RewordedFinding, type Statuses } from './named-statuses.js';
import type { AnswerBodies } from './optional-members.js';
import { ANY_ENDPOINT } from './root-cause.js';
import { valueTemplate } from './value-template.js';

/** One answer as the clustering reads it: its body-kind finding and both bodies. */
export interface KindAnswer extends Statuses {
  readonly caseId: string;
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly bodies?: AnswerBodies;
}

/** The structured kinds whose bodies are trees of values. */
const TREES: ReadonlySet<string> = new Set(['json', 'xml', 'bencode']);

/** At least this many answers holding the same text at two places make them one value. */
const EVIDENCE = 2;

/** A text that says something when it shows at two places: letters, three characters or more. */
function telling(text: string): boolean {
  return text.length >= 3 && /[A-Za-z]/.test(text);
}

/** Every string of a tree by its place (`/Error/Code`; list indices as `*`), with its pointer. */
function leavesOf(
  value: unknown,
  place = '',
  pointer = '',
  out = new Map<string, { texts: string[]; pointer: string }>(),
) {
  if (typeof value === 'string') {
    const entry = out.get(place) ?? { texts: [], pointer };
    entry.texts.push(value.trim());
    out.set(place, entry);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) leavesOf(item, `${place}/*`, `${pointer}/${i}`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const segment = escapeSegment(key);
      leavesOf(item, `${place}/${segment}`, `${pointer}/${segment}`, out);
    }
  }
  return out;
}

type Leaves = ReturnType<typeof leavesOf>;

interface Compared {
  readonly answer: KindAnswer;
  readonly kinds: string;
  readonly baseline: Leaves;
  readonly candidate: Leaves;
}

/** The answers whose bodies are trees of two structured kinds, with their leaves. */
function comparedOf(answers: readonly KindAnswer[]): Compared[] {
  const out: Compared[] = [];
  for (const answer of answers) {
    const { bodies } = answer;
    if (bodies === undefined || bodies.cut !== undefined) continue;
    const kind = answer.findings.find(({ cause }) => cause.type === 'body-kind')?.cause;
    if (kind?.type !== 'body-kind' || !TREES.has(kind.baseline) || !TREES.has(kind.candidate)) {
      continue;
    }
    out.push({
      answer,
      kinds: `${kind.baseline}:${kind.candidate}`,
      baseline: leavesOf(bodies.baseline),
      candidate: leavesOf(bodies.candidate),
    });
  }
  return out;
}

/** Baseline place → candidate place, where the run's answers show them to hold one value. */
function sameValues(compared: readonly Compared[]): Map<string, string> {
  const seen = new Map<string, Map<string, Set<string>>>();
  for (const { answer, baseline, candidate } of compared) {
    const at = new Map<string, string[]>();
    for (const [place, { texts }] of candidate) {
      for (const text of texts) if (telling(text)) at.set(text, [...(at.get(text) ?? []), place]);
    }
    for (const [from, { texts }] of baseline) {
      for (const text of texts) {
        for (const to of at.get(text) ?? []) {
          const tos = seen.get(from) ?? new Map<string, Set<string>>();
          seen.set(from, tos);
          tos.set(to, (tos.get(to) ?? new Set()).add(answer.caseId));
        }
      }
    }
  }
  // Each side's place's best match, by how many answers show it (a tie is no match).
  const best = (pairs: Iterable<[string, string, number]>) => {
    const top = new Map<string, { other: string; count: number; tied: boolean }>();
    for (const [place, other, count] of pairs) {
      const was = top.get(place);
      if (was === undefined || count > was.count) top.set(place, { other, count, tied: false });
      else if (count === was.count) was.tied = true;
    }
    return top;
  };
  const all = [...seen].flatMap(([from, tos]) =>
    [...tos].map(([to, answers]) => [from, to, answers.size] as [string, string, number]),
  );
  const forward = best(all);
  const backward = best(all.map(([from, to, n]) => [to, from, n] as [string, string, number]));
  const out = new Map<string, string>();
  for (const [from, { other, count, tied }] of forward) {
    const back = backward.get(other);
    if (tied || count < EVIDENCE || back === undefined || back.tied || back.other !== from)
      continue;
    out.set(from, other);
  }
  return out;
}

/** A value's template (`value-template.ts`), or `…` for one with none. */
function templateOf(text: string): string {
  return valueTemplate(text) ?? '…';
}

function placeChange(from: string, to: string, kinds: string, errorClass: string): SkeletonChange {
  return {
    op: 'value',
    path: from,
    baseline: 'string',
    candidate: 'string',
    to,
    errorClass,
    kinds,
  };
}

/**
 * By case id: the findings of values that differ across body kinds (see the
 * module comment), one cause per pair of places listing its pairs of
 * templates, keyed by the places alone; on `*` where it shows on two
 * resources or more.
 */
export function kindValues(answers: readonly KindAnswer[]): Map<string, RewordedFinding[]> {
  const compared = comparedOf(answers);
  if (compared.length < EVIDENCE) return new Map();
  const same = sameValues(compared);
  const groups = new Map<string, { first: Found; all: Found[] }>();
  for (const one of compared) {
    const errorClass = errorClassOf(one.answer) ?? '';
    for (const [from, to] of same) {
      const b = one.baseline.get(from);
      const c = one.candidate.get(to);
      const [vb] = b?.texts ?? [];
      const [vc] = c?.texts ?? [];
      if (b === undefined || c === undefined || b.texts.length !== 1 || c.texts.length !== 1) {
        continue;
      }
      if (vb === undefined || vc === undefined || vb === vc) continue;
      const found: Found = {
        caseId: one.answer.caseId,
        resource: resourceOfEndpoint(one.answer.endpoint),
        change: placeChange(from, to, one.kinds, errorClass),
        values: [templateOf(vb), templateOf(vc)],
        paths: [b.pointer, c.pointer],
      };
      const key = JSON.stringify([from, to, one.kinds, errorClass]);
      const group = groups.get(key) ?? { first: found, all: [] };
      groups.set(key, group);
      group.all.push(found);
    }
  }
  const out = new Map<string, RewordedFinding[]>();
  for (const { first, all } of groups.values()) {
    const resources = new Set(all.map((one) => one.resource));
    const pairs = new Map<string, SkeletonChange>();
    for (const one of all) {
      pairs.set(JSON.stringify(one.values), { ...first.change, values: one.values });
    }
    const cause: StructureCause = {
      type: 'structure',
      endpoint: resources.size < 2 ? first.resource : ANY_ENDPOINT,
      change: first.change,
      together: [...pairs.entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([, change]) => change),
    };
    for (const one of all) {
      out.set(one.caseId, [...(out.get(one.caseId) ?? []), { cause, paths: one.paths }]);
    }
  }
  return out;
}

interface Found {
  readonly caseId: string;
  readonly resource: string;
  readonly change: SkeletonChange;
  readonly values: readonly [string, string];
  readonly paths: readonly string[];
}
