/**
 * Human-readable labels of equivalence rules: what `Observation.equivalences`
 * says fired, and what the report lists as never fired.
 */
import type { EnumTagRule, RenameRule, Rules, TagStyle } from '../../../contract/rules/types.js';

function styleLabel(style: TagStyle): string {
  switch (style.style) {
    case 'external':
      return 'external';
    case 'internal':
      return `field ${style.field}`;
    case 'adjacent':
      return `tag ${style.tag} + content ${style.content}`;
    default: {
      const never: never = style;
      return never;
    }
  }
}

export function enumTagLabel(rule: EnumTagRule): string {
  return `enumTag: ${styleLabel(rule.baseline)} vs ${styleLabel(rule.candidate)}`;
}

export function renameLabel(rule: RenameRule): string {
  return `renames: ${rule.baseline} → ${rule.candidate}`;
}

export function statusLabel(group: readonly number[]): string {
  return `statusEquivalence: [${group.join(', ')}]`;
}

/** `label at /path` (the whole body is `/`). */
export function firedAt(label: string, path: string): string {
  return `${label} at ${path === '' ? '/' : path}`;
}

/** The label of every equivalence rule `rules` declares (key folding and null-vs-absent included). */
export function declaredEquivalences(rules: Rules): string[] {
  const labels: string[] = [];
  if (rules.keyCaseFold) labels.push('keyCase: fold');
  if (rules.nullEqualsAbsent) labels.push('nullEqualsAbsent');
  const e = rules.equivalence;
  if (e === undefined) return labels;
  if (e.emptyEqualsNull) labels.push('emptyEqualsNull');
  if (e.numberStrings) labels.push('numberStrings');
  if (e.timestamps !== 'exact') labels.push(`timestamps: ${e.timestamps}`);
  labels.push(...e.statusEquivalence.map(statusLabel));
  labels.push(...e.enumTag.map(enumTagLabel));
  labels.push(...e.renames.map(renameLabel));
  return labels;
}

/** True when a fired entry (`label` or `label at /path`) comes from the rule `label`. */
export function firedBy(entry: string, label: string): boolean {
  return entry === label || entry.startsWith(`${label} at `);
}
