/**
 * One answer's findings with the run's clusters (`cause-clusters.ts`) laid
 * over them: each change under its cluster's cause, each status or pattern
 * cause that recurs under the cause keyed by what changed, a body that
 * belongs to its status joined to that finding. Pure.
 */
import type { Finding, RootCause } from '../../contract/root-cause.js';
import type { CauseClusters } from './cause-cluster-record.js';
import { changeKey, membersOf } from './change-keys.js';
import { resourceOfEndpoint } from './endpoint.js';
import { findingOf } from './finding-of.js';
import { ignoredKey } from './ignored-queries.js';
import { ownKey } from './recurring-causes.js';
import { isOutcomeFinding } from './refused-answers.js';
import { ANY_ENDPOINT, ANY_ROUTE, isRecurringStatus, isSharedReason } from './root-cause.js';
import { withLabels } from './structured-labels.js';

/**
 * One answer's findings with the run's clusters laid over them: each change
 * under its cluster's cause, each status or pattern cause that recurs under
 * the cause keyed by what changed, the findings of one cause merged (their
 * paths joined), in order of first appearance. Findings of other families,
 * and changes no cluster holds, keep their own cause.
 */
export function clusteredFindings<F extends Finding>(
  endpoint: string,
  findings: readonly F[],
  clusters: CauseClusters,
  caseId?: string,
): readonly (F | Finding)[] {
  const refused = caseId === undefined ? undefined : clusters.refused?.get(caseId);
  const outcome =
    refused === undefined ? [] : findings.filter((f) => isOutcomeFinding(f, refused.members));
  const own =
    refused === undefined || outcome.length === 0
      ? clusteredOwn(endpoint, findings, clusters, caseId)
      : [
          // One side refused what the other accepted: its operation's own cause (`refused-answers.ts`).
          findingOf(refused.cause, [...new Set(outcome.flatMap((f) => f.paths))]),
          ...clusteredOwn(
            endpoint,
            findings.filter((f) => !outcome.includes(f)),
            clusters,
            caseId,
          ),
        ];
  // The messages its error envelope moved and reworded (`named-statuses.ts`), and values that
  // differ across body kinds (`kind-values.ts`): findings of their own.
  // A media type in exactly the answers of one structured body's row: that row's (rule 59).
  if (caseId === undefined) return withLabels(own, clusters.labels);
  return withLabels(
    withMore(withIgnoredQueries(own, clusters, caseId), clusters, caseId),
    clusters.labels,
  );
}

/**
 * The findings of a list's elements on a read one side answers alike
 * whatever its query (`ignored-queries.ts`) under that cause, the findings
 * of one cause merged (their paths joined); the findings themselves when none is.
 */
function withIgnoredQueries<F extends Finding>(
  findings: readonly (F | Finding)[],
  clusters: CauseClusters,
  caseId: string,
): readonly (F | Finding)[] {
  const ignored = clusters.ignoredQueries;
  if (ignored === undefined) return findings;
  const causeOf = (f: Finding) => ignored.get(ignoredKey(caseId, f.fingerprint));
  if (!findings.some((f) => causeOf(f) !== undefined)) return findings;
  const out = new Map<string, F | Finding>();
  for (const finding of findings) {
    const cause = causeOf(finding);
    const one = cause === undefined ? finding : findingOf(cause, finding.paths);
    const known = out.get(one.fingerprint);
    out.set(
      one.fingerprint,
      known === undefined ? one : { ...known, paths: [...new Set([...known.paths, ...one.paths])] },
    );
  }
  return [...out.values()];
}

/** `own` with the findings of its moved messages and of its values across body kinds. */
function withMore<F extends Finding>(
  own: readonly (F | Finding)[],
  clusters: CauseClusters,
  caseId: string,
): readonly (F | Finding)[] {
  const more = [
    ...(clusters.reworded?.get(caseId) ?? []),
    ...(clusters.acrossKinds?.get(caseId) ?? []),
  ];
  if (more.length === 0) return own;
  const shown = new Set(own.map((f) => f.fingerprint));
  const added = more
    .map(({ cause, paths }) => findingOf(cause, paths))
    .filter((f) => !shown.has(f.fingerprint));
  return added.length === 0 ? own : [...own, ...added];
}

function clusteredOwn<F extends Finding>(
  endpoint: string,
  findings: readonly F[],
  clusters: CauseClusters,
  caseId?: string,
): readonly (F | Finding)[] {
  const joined = withBodiesOfStatus(findings, clusters.statusBodies);
  if (joined !== findings) return clusteredOwn(endpoint, joined, clusters, caseId);
  // One error object's changes in exactly the same answers: that object's row (rule 58).
  const objects = caseId === undefined ? undefined : clusters.errorObjects?.get(caseId);
  const ofObject = (f: Finding) =>
    objects !== undefined && membersOf(f.cause).some((c) => objects.has(changeKey(c)));
  if (!findings.some((f) => clusterOf(f, clusters) || ofObject(f))) return findings;
  // Per fingerprint, in order of first appearance: the finding kept, or the cluster's with its paths.
  const out = new Map<string, { kept?: F; made?: Finding; paths: Set<string> }>();
  // One finding per cluster, made once: a cluster may hold thousands of members.
  const made = new Map<RootCause, Finding>();
  const resource = resourceOfEndpoint(endpoint);
  const add = (cause: RootCause, paths: readonly string[]) => {
    const one = made.get(cause) ?? findingOf(cause, []);
    made.set(cause, one);
    const entry = out.get(one.fingerprint) ?? { made: one, paths: new Set<string>() };
    out.set(one.fingerprint, entry);
    for (const path of paths) entry.paths.add(path);
  };
  for (const finding of findings) {
    if (!clusterOf(finding, clusters) && !ofObject(finding)) {
      // A finding of a row a cluster joins too (rule 53's elements): one finding, both paths.
      const entry = out.get(finding.fingerprint);
      if (entry === undefined) out.set(finding.fingerprint, { kept: finding, paths: new Set() });
      else for (const path of finding.paths) entry.paths.add(path);
      continue;
    }
    const recurring = recurringOf(finding.cause, endpoint, clusters);
    if (recurring !== undefined) {
      add(recurring, finding.paths);
      continue;
    }
    for (const change of membersOf(finding.cause)) {
      const key = changeKey(change);
      const object = objects?.get(key);
      if (object !== undefined) {
        add(object, finding.paths);
        continue;
      }
      // A member beside a nesting in exactly its answers: the nesting's row (rule 57).
      const nesting = clusters.nestings?.get(key);
      if (nesting !== undefined) {
        add(nesting, finding.paths);
        continue;
      }
      const clustered = clusters.changes.get(key);
      // Data each endpoint answers of its own (`cause-clusters.ts`): keyed by its resource.
      const own = clustered === undefined || clusters.perResource?.has(key) === true;
      add(
        own ? { ...(clustered ?? { type: 'structure', change }), endpoint: resource } : clustered,
        finding.paths,
      );
    }
  }
  return [...out.values()].flatMap(({ kept, made: one, paths }): (F | Finding)[] => {
    if (kept !== undefined) {
      return [
        paths.size === 0 ? kept : { ...kept, paths: [...new Set([...kept.paths, ...paths])] },
      ];
    }
    return one === undefined ? [] : [{ ...one, paths: [...paths] }];
  });
}

/**
 * One answer's findings with its body causes that are its status's
 * (`body-causes.ts`), and the headers that describe those bodies, left out,
 * joined to the status finding (the findings themselves when none is).
 */
function withBodiesOfStatus<F extends Finding>(
  findings: readonly F[],
  statusBodies: ReadonlySet<string> | undefined,
): readonly F[] {
  if (statusBodies === undefined) return findings;
  const status = findings.find((f) => f.cause.type === 'status');
  if (status === undefined) return findings;
  const joined = findings.filter(
    (f) =>
      (f.cause.type === 'body-kind' || f.cause.type === 'structure' || f.cause.type === 'header') &&
      statusBodies.has(ownKey(f.cause)),
  );
  if (joined.length === 0) return findings;
  const paths = [...new Set([...status.paths, ...joined.flatMap((f) => f.paths)])];
  return findings
    .filter((f) => !joined.includes(f))
    .map((f) => (f === status ? { ...status, paths } : f));
}

/**
 * A status or pattern cause as the run's recurrences make it: the recurring
 * cause, or (for a status already keyed by its method, read back under other
 * recurrences) the endpoint's own; undefined for a structural cause.
 */
function recurringOf(
  cause: RootCause,
  endpoint: string,
  clusters: CauseClusters,
): RootCause | undefined {
  if (cause.type === 'structure' && cause.difference === undefined) return undefined;
  // A redirect keyed by its rule already (read back from a report): its statuses are not one answer's.
  if (cause.type === 'status' && cause.endpoint === ANY_ROUTE && !isSharedReason(cause)) {
    return cause;
  }
  const own =
    (cause.type === 'status' && (isRecurringStatus(cause) || isSharedReason(cause))) ||
    (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
      ? { ...cause, endpoint }
      : cause;
  return clusters.recurring.get(ownKey(own)) ?? own;
}

/** True when a finding's cause is not what the clusters make of it. */
function clusterOf(finding: Finding, clusters: CauseClusters): boolean {
  const { cause } = finding;
  if (cause.type !== 'structure' || cause.difference !== undefined) {
    // A status keyed by its method (a body by its difference) that no longer recurs goes back to its endpoint.
    return (
      clusters.recurring.has(ownKey(cause)) ||
      isRecurringStatus(cause) ||
      isSharedReason(cause) ||
      (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
    );
  }
  const members = membersOf(cause);
  if (members.length === 0) return false;
  if (members.length > 1 || cause.endpoint === ANY_ENDPOINT) return true;
  return members.some(
    (change) =>
      clusters.changes.has(changeKey(change)) || clusters.nestings?.has(changeKey(change)) === true,
  );
}
