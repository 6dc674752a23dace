// Maps the tracker rows of one run (report.json's rootCauses) to the
// decisions of a pair's hand-written truth.yaml, and counts what the corpus
// table shows. Pure: no I/O, so a unit test can feed it an inline truth and
// report (test/unit/corpus/match.test.ts).

/**
 * A glob over case ids, endpoints and JSON pointers: `*` matches within one
 * segment (no `/`), `**` across segments.
 */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') source += '[^/]*';
    else source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const anyGlob = (globs, values) =>
  globs.some((g) => {
    const re = globToRegExp(g);
    return values.some((v) => re.test(v));
  });

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * One row as the matcher sees it: the root cause's fingerprint, kind,
 * summary, case ids and endpoints, and every change behind it (pointer path,
 * or `header:<name>`, with the two values) gathered from the results.
 */
export function rowsOfReport(report) {
  const byFingerprint = new Map();
  for (const cause of report.rootCauses ?? []) {
    byFingerprint.set(cause.fingerprint, {
      id: cause.row?.id ?? cause.fingerprint,
      fingerprint: cause.fingerprint,
      kind: cause.kind,
      summary: cause.summary,
      cause: cause.cause,
      caseIds: cause.caseIds ?? [],
      endpoints: cause.endpoints ?? [],
      paths: new Set(cause.places ?? []),
      changes: [],
      // `_awaiting_`; before rows had that status, an open row of a root cause marked `unsettled`.
      awaiting:
        cause.row?.status === 'awaiting' ||
        (cause.unsettled === true && (cause.row?.status ?? 'open') === 'open'),
    });
  }
  for (const result of report.results ?? []) {
    for (const finding of result.findings ?? []) {
      const row = byFingerprint.get(finding.fingerprint);
      if (!row) continue;
      const paths = finding.paths ?? [];
      for (const p of paths) row.paths.add(p);
      for (const change of result.changes ?? []) {
        if (paths.includes(change.path)) row.changes.push(change);
      }
      if (finding.kind === 'header') {
        for (const h of result.headerChanges ?? []) {
          const name = String(h.name ?? h.header ?? '').toLowerCase();
          row.changes.push({
            path: `header:${name}`,
            baseline: h.baseline,
            candidate: h.candidate,
          });
          row.paths.add(`header:${name}`);
        }
      }
    }
  }
  return [...byFingerprint.values()].map((row) => ({ ...row, paths: [...row.paths] }));
}

/**
 * Does the row hold a change of one of the matcher's `ops` (`added`,
 * `removed`, `type`, `value`, `moved`), at one of its `paths` when it names
 * paths? It tells a decision about a member's presence from one about its
 * type or value at the same place (integers as strings vs an offset counter).
 */
function hasChangeOf(matcher, row) {
  const ops = asList(matcher.ops);
  const at = matcher.paths === undefined ? ['**'] : asList(matcher.paths);
  return row.changes.some((change) => ops.includes(change.op) && anyGlob(at, [change.path]));
}

/** Does one matcher of a decision (every field it names) match the row? */
export function matcherMatches(matcher, row) {
  if (matcher.kind !== undefined && !asList(matcher.kind).includes(row.kind)) return false;
  if (matcher.cases !== undefined && !anyGlob(asList(matcher.cases), row.caseIds)) return false;
  if (matcher.endpoints !== undefined && !anyGlob(asList(matcher.endpoints), row.endpoints)) {
    return false;
  }
  if (matcher.paths !== undefined && !anyGlob(asList(matcher.paths), row.paths)) return false;
  if (matcher.ops !== undefined && !hasChangeOf(matcher, row)) return false;
  if (matcher.summary !== undefined && !new RegExp(matcher.summary, 'i').test(row.summary)) {
    return false;
  }
  return true;
}

const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * A row is per-instance when it has changes and each of them sits on a
 * per-instance value of the truth: the path matches one of the entry's
 * `paths` and, where the entry gives `values`, both sides' values match one.
 * A row the tool could not read field by field (a whole body compared as
 * bytes) is per-instance when an entry's `rows` matchers name it: the truth
 * then says, with curl evidence, that only per-instance values differ there.
 */
export function isPerInstance(row, perInstance) {
  if (perInstance.some((entry) => asList(entry.rows).some((m) => matcherMatches(m, row)))) {
    return true;
  }
  if (row.changes.length === 0 || perInstance.length === 0) return false;
  return row.changes.every((change) =>
    perInstance.some((entry) => {
      if (entry.paths === undefined && entry.rows !== undefined) return false;
      if (!anyGlob(asList(entry.paths ?? '**'), [change.path])) return false;
      const values = asList(entry.values).map((v) => new RegExp(v));
      if (values.length === 0) return true;
      const sides = [change.baseline, change.candidate].filter((v) => v !== undefined);
      return sides.every((v) => values.some((re) => re.test(text(v))));
    }),
  );
}

/**
 * Gives rows to decisions so that as many decisions as possible have a row:
 * each row goes to the first decision one of whose matchers matches it, and
 * then a decision still without a row takes a row it matches from a decision
 * that keeps another (along a chain of such moves, as in a bipartite
 * matching). A row is never counted twice: one row that alone stands for two
 * decisions leaves one of them without a row. Truth files list decisions in
 * the order their authors wrote them, so the first match alone would make
 * the table depend on that order. Returns decision id per row index.
 */
function assignRows(matchesOf, decisions) {
  const given = matchesOf.map((matching) => matching[0]?.id);
  const rowsOf = (id) => given.flatMap((d, i) => (d === id ? [i] : []));
  const take = (id, seen) => {
    for (const [i, matching] of matchesOf.entries()) {
      if (seen.has(i) || !matching.some((d) => d.id === id)) continue;
      seen.add(i);
      const from = given[i];
      if (from === id) continue;
      if (rowsOf(from).length > 1 || take(from, seen)) {
        given[i] = id;
        return true;
      }
    }
    return false;
  };
  for (const d of decisions) if (rowsOf(d.id).length === 0) take(d.id, new Set());
  return given;
}

/**
 * Did the run record a run error (a side failed in transport) on a case one
 * of the decision's matchers names by `cases`?
 */
function ranIntoError(decision, report) {
  const globs = asList(decision.rows).flatMap((m) => asList(m.cases));
  if (globs.length === 0) return false;
  return (report.results ?? []).some(
    (result) => result.verdict === 'error' && anyGlob(globs, [result.caseId]),
  );
}

/**
 * Assigns each row to a decision one of whose matchers matches it (see
 * assignRows), else to per-instance, else to "false"; returns the counts of
 * the table. A row awaiting evidence (an open root cause the run marked
 * `unsettled`) is assigned the same way but counted apart (`awaitingRows`),
 * never as a row: the tool does not count it as an open decision, so a
 * decision whose only rows await evidence has no row. A decision marked
 * `runError` that has no row but a run error on one of its cases is listed
 * apart (`runErrorDecisions`) and left out of the decisions counted.
 */
export function scorePair(truth, report) {
  const all = rowsOfReport(report);
  const rows = all.filter((row) => !row.awaiting);
  const decisions = truth.decisions ?? [];
  const perInstance = truth.perInstance ?? [];
  const byDecision = new Map(decisions.map((d) => [d.id, []]));
  const matchesOf = all.map((row) =>
    decisions.filter((d) => asList(d.rows).some((m) => matcherMatches(m, row))),
  );
  const given = assignRows(
    matchesOf.map((matching, i) => (all[i].awaiting ? [] : matching)),
    decisions,
  );
  const assigned = [];
  const awaiting = [];
  for (const [i, row] of all.entries()) {
    const matching = matchesOf[i];
    const base = { row: row.id, summary: row.summary, ...(row.awaiting ? { awaiting: true } : {}) };
    const into = row.awaiting ? awaiting : assigned;
    if (matching.length > 0) {
      const decision = given[i] ?? matching[0].id;
      if (!row.awaiting) byDecision.get(decision).push(row.id);
      into.push({
        ...base,
        decision,
        alsoMatches: matching.filter((d) => d.id !== decision).map((d) => d.id),
      });
    } else if (isPerInstance(row, perInstance)) {
      into.push({ ...base, perInstance: true });
    } else {
      into.push({ ...base, false: true });
    }
  }
  const unrowed = decisions.filter((d) => byDecision.get(d.id).length === 0);
  // A decision one side answers by failing in transport is a run error, never
  // a row (DESIGN: "Transport failures are run errors, never rows"): it is
  // seen when the run recorded a run error on one of its cases.
  const asRunErrors = unrowed.filter((d) => d.runError === true && ranIntoError(d, report));
  const withoutRow = unrowed.filter((d) => !asRunErrors.includes(d)).map((d) => d.id);
  const counted = decisions.length - asRunErrors.length;
  return {
    pair: truth.pair,
    heldOut: truth.heldOut === true,
    tuned: truth.tuned === true,
    rows: rows.length,
    decisions: counted,
    rowsPerDecision: counted === 0 ? null : rows.length / counted,
    decisionsWithoutRow: withoutRow,
    runErrorDecisions: asRunErrors.map((d) => d.id),
    perInstanceRows: assigned.filter((a) => a.perInstance).length,
    falseRows: assigned.filter((a) => a.false).length,
    awaitingRows: awaiting.length,
    assignments: [...assigned, ...awaiting],
    byDecision: Object.fromEntries(byDecision),
  };
}
