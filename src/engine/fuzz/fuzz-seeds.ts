/**
 * Where `parity fuzz` takes its seeds from: the selected cases of the
 * library, or (`--openapi SPEC`) the operations of an OpenAPI/Swagger
 * document — the cases `parity import openapi` would write for it, read the
 * way the library reads case files (so they are checked and resolved the
 * same), never written.
 */

import { type Case, casesOf } from '../../contract/model/case.js';
import { openRunLibrary } from '../../io/cases/library.js';
import { invalidCases, resolvedCases } from '../../io/cases/load.js';
import { parseCaseFile } from '../../io/cases/parse-file.js';
import { selectCases } from '../../io/cases/select.js';
import type { RunConfig } from '../../io/config/targets.js';
import { buildCaseFiles } from '../../io/import/cases.js';
import { importOpenApi } from '../../io/import/openapi.js';
import { renderCaseFile } from '../../io/import/render.js';
import { loadOpenApi } from '../../io/openapi/load.js';
import type { Env } from '../../util/env.js';
import type { Selection } from '../run/selected.js';

export interface SeedSource {
  readonly cases: readonly Case[];
  /** Header names the cases' rules redact. */
  readonly redactHeaders: readonly string[];
  /** What the OpenAPI import left out or changed, one line each (none for a library). */
  readonly notes: readonly string[];
  /**
   * The steps of each flow whose steps are among `cases`, by flow id: a step
   * is sent after its flow's earlier steps, with each target's own captures.
   */
  readonly flows: ReadonlyMap<string, readonly Case[]>;
}

/** The selected cases of the library in `config.casePaths`. */
export async function librarySeeds(
  config: RunConfig,
  selection: Selection,
  env: Env,
): Promise<SeedSource> {
  const library = await openRunLibrary(
    config.casePaths,
    { cwd: config.cwd, env, globalRules: config.rules },
    { filter: selection.filter, tags: selection.tag },
  );
  const cases: Case[] = [];
  for await (const batch of library.source.batches()) {
    for (const unit of batch) {
      if (unit.kind !== 'sequence') cases.push(unit);
      else for await (const inOrder of unit.cases()) cases.push(...inOrder);
    }
  }
  // A flow's step is a seed sent after the flow's earlier steps (`judge/fuzz/sender.ts`);
  // a flow that a run does not send (it writes without `sideEffects`) is none.
  const seeds = cases.filter((c) => c.flow?.skip === undefined);
  return {
    cases: seeds,
    redactHeaders: library.redactHeaders,
    notes: [],
    flows: flowsOf(seeds),
  };
}

/** The steps of each flow among `cases`, in order, by flow id. */
export function flowsOf(cases: readonly Case[]): Map<string, Case[]> {
  const flows = new Map<string, Case[]>();
  for (const step of cases) {
    if (step.flow === undefined) continue;
    const steps = flows.get(step.flow.id) ?? [];
    steps[step.flow.index] = step;
    flows.set(step.flow.id, steps);
  }
  return flows;
}

/**
 * The cases an import of the document at `spec` would write, selected. Each
 * case's source names the document and the file the import would have
 * written (`examples/openapi.yaml#records.yaml:7:5`).
 */
export async function openApiSeeds(
  spec: string,
  config: RunConfig,
  selection: Selection,
  env: Env,
): Promise<SeedSource> {
  const document = await loadOpenApi(spec, config.cwd);
  const built = buildCaseFiles(importOpenApi(document));
  const options = { cwd: config.cwd, env, globalRules: config.rules };
  const cases: Case[] = [];
  for (const file of built.files) {
    const text = renderCaseFile(file, [`parity fuzz seeds from ${document.file}`]);
    const display = `${document.file}#${file.name}`;
    const parsed = parseCaseFile(Buffer.from(text, 'utf8'), display);
    // The import checks its files against the schema: a problem here is a bug, shown as such.
    if (!parsed.ok) throw invalidCases(parsed.problems, 1);
    for (const { entry, problems } of resolvedCases(parsed.parsed, options)) {
      if (problems.length > 0) throw invalidCases(problems, 1);
      if (entry !== undefined) cases.push(...casesOf(entry.case));
    }
  }
  const selected = selectCases(cases, { filter: selection.filter, tags: selection.tag });
  const redactHeaders = [...new Set(selected.flatMap((c) => c.rules.redactHeaders))];
  return { cases: selected, redactHeaders, notes: built.notes, flows: flowsOf(selected) };
}
