/**
 * The findings of `parity fuzz` as case files: one per new root cause, in the
 * order they were found, named after the endpoint and the mutation (a name
 * already taken in the folder gets `-2`, `-3`, …), written in the output
 * folder; and, once the written cases were replayed, whether each one showed
 * its root cause again.
 */
import { resolve } from 'node:path';
import type { Case } from '../../contract/model/case.js';
import type { Observation } from '../../contract/observation.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { RunConfig } from '../../io/config/targets.js';
import { caseFileOf, caseName, FUZZ_SUITE } from '../../judge/fuzz/case-file.js';
import { isCrash } from '../../judge/fuzz/crash.js';
import { explainRootCause } from '../../judge/fuzz/explain.js';
import { flowCaseFileOf, flowCaseId, writtenFlows } from '../../judge/fuzz/flow-case-file.js';
import { requestKey } from '../../judge/fuzz/request.js';
import { rootCausesOf } from '../../judge/fuzz/root-cause.js';
import { seedRules } from '../../judge/fuzz/seed-rules.js';
import type { Seed } from '../../judge/fuzz/seeds.js';
import type { TalliedDiscovery } from '../../judge/fuzz/shrink-finding.js';
import type { FuzzCases } from '../../judge/fuzz/summary.js';
import { takenNames, writeCaseFiles } from '../../judge/fuzz/write.js';
import type { Env } from '../../util/env.js';
import { displayPath } from '../../util/paths.js';

/** Where `parity fuzz` writes its cases unless `--out` says otherwise. */
export const DEFAULT_OUT = 'cases/fuzz';

export interface WriteInput {
  readonly findings: readonly TalliedDiscovery[];
  readonly config: RunConfig;
  readonly outDir: string | undefined;
  readonly command: string;
  readonly redact: Redactor;
  readonly env: Env;
  readonly seeds: readonly Seed[];
  /** The steps of each fuzzed flow, by flow id: a step's finding is written as its flow up to it. */
  readonly flows?: ReadonlyMap<string, readonly Case[]> | undefined;
}

/** Writes one case file per finding (see the module comment). */
export async function writeFindings(input: WriteInput): Promise<FuzzCases> {
  const { config } = input;
  const dir = resolve(config.cwd, input.outDir ?? DEFAULT_OUT);
  const outDir = displayPath(config.cwd, dir);
  if (input.findings.length === 0) return { outDir, written: [], notWritten: [] };
  const taken = await takenNames(dir);
  const rules = await seedRules(
    input.seeds.map((s) => s.case),
    config.cwd,
  );
  const flows = await writtenFlows(
    input.seeds.map((s) => s.case),
    config.cwd,
  );
  const names = { baseline: config.baseline.name, candidate: config.candidate.name };
  const files: {
    name: string;
    text: string;
    caseId: string;
    findings: readonly TalliedDiscovery[];
  }[] = [];
  const notWritten: FuzzCases['notWritten'][number][] = [];
  for (const [primary, ...others] of sameRequest(input.findings)) {
    if (primary === undefined) continue;
    const name = freeName(caseName(primary), taken);
    const fileInput = {
      finding: primary,
      name,
      names,
      command: input.command,
      rules: rules.get(primary.seed.case.id),
      redact: input.redact,
      alsoShows: others.map((other) => explainRootCause(other.rootCause, names)),
    };
    const back = { file: `${outDir}/${name}.yaml`, env: input.env, globalRules: config.rules };
    const flow = primary.seed.case.flow;
    const written = flow === undefined ? undefined : flows.get(flow.id);
    const steps = flow === undefined ? undefined : input.flows?.get(flow.id);
    // A flow step's finding is its flow up to the step: the captures it needs come with it.
    const text =
      flow === undefined
        ? caseFileOf(fileInput, back)
        : written === undefined || steps === undefined
          ? undefined
          : flowCaseFileOf({ ...fileInput, written, steps }, back);
    if (text === undefined) {
      const reason = 'no case file form sends exactly this request';
      for (const finding of [primary, ...others]) notWritten.push({ finding, reason });
      continue;
    }
    taken.add(name);
    const caseId =
      flow === undefined ? `${FUZZ_SUITE}/${name}` : flowCaseId({ name, finding: primary });
    files.push({ name, text, caseId, findings: [primary, ...others] });
  }
  const paths = await writeCaseFiles(dir, files);
  const written = files.flatMap((file, i) => {
    const path = paths[i] ?? '';
    const { caseId } = file;
    const shown = displayPath(config.cwd, path);
    return file.findings.map((finding) => ({ finding, caseId, path, file: shown }));
  });
  return { outDir, written, notWritten };
}

/** Findings grouped by the request they shrank to (one case file each), in finding order. */
function sameRequest(findings: readonly TalliedDiscovery[]): TalliedDiscovery[][] {
  const groups = new Map<string, TalliedDiscovery[]>();
  for (const finding of findings) {
    const key = requestKey(finding.request);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  return [...groups.values()];
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** The cases with `reproduced` set from the replay's results (by case id). */
export function withReplay(cases: FuzzCases, results: ReadonlyMap<string, Observation>): FuzzCases {
  const written = cases.written.map((w) => {
    // A crash is reproduced by every replay that kept it while shrinking, never by `parity run`.
    if (isCrash(w.finding.rootCause)) return { ...w, reproduced: true };
    const result = results.get(w.caseId);
    const { key, endpoint } = w.finding.rootCause;
    const reproduced =
      result !== undefined && rootCausesOf(result, endpoint).some((cause) => cause.key === key);
    return { ...w, reproduced };
  });
  return { ...cases, written };
}
