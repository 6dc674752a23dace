/**
 * A root cause in one line: the summary of its findings and of its tracker
 * row. Built from the cause alone (no case, no value), so the row reads the
 * same whichever case showed the cause first. Pure.
 */
import type { RootCause, SkeletonChange } from './root-cause.js';
import { listSome, shorten, splitPath } from './wording/phrases.js';

const BODY_KINDS: Readonly<Record<string, string>> = {
  json: 'JSON',
  xml: 'XML',
  'invalid-json': 'invalid JSON',
  'invalid-xml': 'invalid XML',
};

/** `JSON`, `text`, `empty`, `invalid JSON`: a body kind in words. */
export function bodyKindWord(kind: string): string {
  return BODY_KINDS[kind] ?? kind;
}

function names(changes: readonly SkeletonChange[]): string {
  const shown = [...new Set(changes.map((c) => `\`${splitPath(c.path).name || '/'}\``))];
  return listSome(shown);
}

/** What the residual changes of one object are: added and removed members, types, values. */
function skeletonWords(skeleton: readonly SkeletonChange[]): string {
  const whole = skeleton.find((c) => c.path === '');
  if (whole !== undefined && skeleton.length === 1) {
    if (whole.op === 'type') return `body ${whole.baseline} vs ${whole.candidate}`;
    return whole.baseline === 'string' ? 'body text differs' : 'body differs';
  }
  const parts: string[] = [];
  const added = skeleton.filter((c) => c.op === 'added');
  const removed = skeleton.filter((c) => c.op === 'removed');
  const typed = skeleton.filter((c) => c.op === 'type');
  const values = skeleton.filter((c) => c.op === 'value' || c.op === 'moved');
  if (added.length > 0) parts.push(`candidate adds ${names(added)}`);
  if (removed.length > 0) parts.push(`candidate lacks ${names(removed)}`);
  for (const c of typed.slice(0, 2)) {
    parts.push(`\`${splitPath(c.path).name || '/'}\` ${c.baseline} vs ${c.candidate}`);
  }
  if (typed.length > 2) parts.push(`${typed.length - 2} more type changes`);
  if (values.length > 0) parts.push(`values differ at ${names(values)}`);
  return parts.join('; ');
}

/**
 * The one-line summary of a root cause: `nil slice [] vs null at \`tags\``,
 * `status 400 → 201 on POST /v1/records`, `header \`cache-control\` missing in
 * candidate`, `4xx bodies: text vs JSON`, `GET /v1/records/:id: candidate adds \`version\``.
 */
export function causeSummary(cause: RootCause): string {
  switch (cause.type) {
    case 'pattern':
      return cause.field === '' ? cause.detail : `${cause.detail} at \`${cause.field}\``;
    case 'status':
      return `status ${cause.baseline} → ${cause.candidate} on ${cause.endpoint}`;
    case 'header': {
      if (cause.difference !== 'value') {
        const side = cause.difference === 'missing-in-baseline' ? 'baseline' : 'candidate';
        return `header \`${cause.name}\` missing in ${side}`;
      }
      const [b, c] = cause.classes ?? ['', ''];
      return shorten(`header \`${cause.name}\` differs: \`${b}\` vs \`${c}\``);
    }
    case 'body-kind':
      return `${cause.statusClass} bodies: ${bodyKindWord(cause.baseline)} vs ${bodyKindWord(cause.candidate)}`;
    case 'structure': {
      const place = cause.at === '' ? '' : ` at \`${cause.at}\``;
      return shorten(`${cause.endpoint}${place}: ${skeletonWords(cause.skeleton)}`);
    }
    default: {
      const never: never = cause;
      return never;
    }
  }
}
