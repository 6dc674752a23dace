import { Document } from 'yaml';
import { type Case, isWriteMethod } from '../../contract/model/case.js';
import { planRequest } from '../../core/request/plan.js';
import { resolvedCases } from '../../io/cases/load.js';
import { checkCase, parseCaseFile } from '../../io/cases/parse-file.js';
import {
  type CaseFileInput,
  FUZZ_SUITE,
  findingComment,
  plansAlike,
  quoteStrings,
  type ReadBack,
  requestSpec,
  sentCase,
} from './case-file.js';
import { explainRootCause } from './explain.js';
import { seedFiles } from './seed-files.js';

/** A flow as its file wrote it: the file's defaults and the flow's entry as written. */
export interface WrittenFlow {
  readonly defaults: unknown;
  readonly entry: Readonly<Record<string, unknown>>;
  readonly steps: readonly Readonly<Record<string, unknown>>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The flows among `cases` as their files wrote them, by flow id (each file read once). */
export async function writtenFlows(
  cases: readonly Case[],
  cwd: string,
): Promise<Map<string, WrittenFlow>> {
  const out = new Map<string, WrittenFlow>();
  const flows = cases.filter((c) => c.flow !== undefined);
  for await (const { parsed, header } of seedFiles(flows, cwd)) {
    for (let index = 0; index < parsed.count; index++) {
      const item = parsed.item(index);
      if (!('value' in item) || !isRecord(item.value) || !('spec' in checkCase(parsed, index)))
        continue;
      const { steps } = item.value;
      if (!Array.isArray(steps) || !steps.every(isRecord)) continue;
      out.set(`${header.suite}/${String(item.value.id)}`, {
        defaults: header.defaults,
        entry: item.value,
        steps,
      });
    }
  }
  return out;
}

export interface FlowCaseInput extends CaseFileInput {
  /** The flow's steps as resolved (the seed is one of them). */
  readonly steps: readonly Case[];
  readonly written: WrittenFlow;
}

/** The case id the written flow's last step gets: `fuzz/<name>/<step>`. */
export function flowCaseId(input: { name: string; finding: CaseFileInput['finding'] }): string {
  const step = input.finding.seed.case.flow?.step ?? '';
  return `${FUZZ_SUITE}/${input.name}/${step}`;
}

function renderFlowCase(input: FlowCaseInput, exact: boolean): string | undefined {
  const { finding, written } = input;
  const index = finding.seed.case.flow?.index ?? 0;
  const step = written.steps[index];
  if (step === undefined) return undefined;
  const { expect: _expect, ...kept } = step;
  const steps = [
    ...written.steps.slice(0, index),
    { ...kept, request: requestSpec(finding.request, input.redact, exact) },
  ];
  const { description: _d, tags: _t, id: _i, steps: _s, ...rest } = written.entry;
  const writes = input.steps.slice(0, index + 1).some((s) => isWriteMethod(s.request.method));
  const doc = new Document({
    suite: FUZZ_SUITE,
    ...(writes ? { sideEffects: true } : {}),
    ...(written.defaults === undefined ? {} : { defaults: written.defaults }),
    cases: [
      {
        id: input.name,
        description: explainRootCause(finding.rootCause, input.names),
        tags: ['fuzz', finding.rootCause.group],
        ...rest,
        steps,
      },
    ],
  });
  const flow = finding.seed.case.flow;
  doc.commentBefore = [
    findingComment(input),
    ` Flow: ${flow?.id ?? ''}, up to step "${flow?.step ?? ''}" (whose request is the input below);`,
    ' the earlier steps run as written, each target with its own captured values.',
  ].join('\n');
  quoteStrings(doc, 0, ['steps', index, 'request']);
  return doc.toString({ lineWidth: 0 });
}

/** Whether `text` plans the flow's earlier steps as they are and the fuzzed step as sent. */
function plansFlow(text: string, input: FlowCaseInput, back: ReadBack): boolean {
  const outcome = parseCaseFile(Buffer.from(text, 'utf8'), back.file);
  if (!outcome.ok || outcome.parsed.problems.length > 0) return false;
  const options = { cwd: '.', env: back.env, globalRules: back.globalRules };
  const loaded = [...resolvedCases(outcome.parsed, options)];
  const flow = loaded[0]?.entry?.case;
  if (loaded.length !== 1 || loaded[0]?.problems.length !== 0 || flow?.kind !== 'flow')
    return false;
  const index = input.finding.seed.case.flow?.index ?? 0;
  if (flow.steps.length !== index + 1) return false;
  const wanted = [...input.steps.slice(0, index), sentCase(input.finding, input.name)].map((c) =>
    planRequest(c),
  );
  return flow.steps.every((step, i) => {
    const want = wanted[i];
    return want !== undefined && plansAlike(planRequest(step), want, input.redact);
  });
}

/**
 * The flow case file of a flow step's finding, checked by reading it back;
 * undefined when no form of it plans the requests the fuzzer sent.
 */
export function flowCaseFileOf(input: FlowCaseInput, back: ReadBack): string | undefined {
  for (const exact of [false, true]) {
    const text = renderFlowCase(input, exact);
    if (text !== undefined && plansFlow(text, input, back)) return text;
  }
  return undefined;
}
