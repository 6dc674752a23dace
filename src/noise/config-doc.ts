/**
 * `parity calibrate --write`: merge learned endpoint noise into the text of
 * parity.config.yaml with the `yaml` Document API, so the user's comments,
 * key order and formatting survive; JSON configs are rewritten as JSON. Pure.
 */
import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { isJsonObject } from '../normalise/json.js';
import type { NoiseEntry } from './types.js';

/** Learned noise of one endpoint, as config rules. */
export interface EndpointNoiseRules {
  readonly ignore: readonly string[];
  readonly sortArrays: readonly (string | { readonly path: string; readonly by: string })[];
  readonly volatileHeaders: readonly string[];
}

/** Entries (all decided noise in calibration) grouped into rules per endpoint. */
export function rulesByEndpoint(entries: readonly NoiseEntry[]): Map<string, EndpointNoiseRules> {
  const out = new Map<
    string,
    {
      ignore: string[];
      sortArrays: EndpointNoiseRules['sortArrays'][number][];
      volatileHeaders: string[];
    }
  >();
  for (const entry of entries) {
    if (entry.decision !== 'noise') continue;
    let rules = out.get(entry.endpoint);
    if (rules === undefined) {
      rules = { ignore: [], sortArrays: [], volatileHeaders: [] };
      out.set(entry.endpoint, rules);
    }
    if (entry.kind === 'value') rules.ignore.push(entry.path);
    else if (entry.kind === 'header') rules.volatileHeaders.push(entry.path);
    else
      rules.sortArrays.push(
        entry.by === undefined ? entry.path : { path: entry.path, by: entry.by },
      );
  }
  return out;
}

function sortKey(item: unknown): string {
  return isJsonObject(item) ? JSON.stringify(item) : String(item);
}

/** `existing` plus the items of `learned` it lacks (compared as JSON), existing first. */
function unionList(existing: unknown, learned: readonly unknown[]): unknown[] {
  const list = Array.isArray(existing) ? [...existing] : [];
  const seen = new Set(list.map(sortKey));
  for (const item of learned) if (!seen.has(sortKey(item))) list.push(item);
  return list;
}

const FIELDS = ['ignore', 'sortArrays', 'volatileHeaders'] as const;

/** Merge learned noise into a YAML config text (an empty text starts a new file). */
export function mergeNoiseIntoYaml(
  text: string,
  learned: ReadonlyMap<string, EndpointNoiseRules>,
): string {
  const doc: Document = text.trim() === '' ? new Document({}) : parseDocument(text);
  const noise = doc.get('noise', true);
  // `noise: true` becomes `noise: { enabled: true, endpoints: … }`.
  if (isScalar(noise)) doc.set('noise', doc.createNode({ enabled: noise.value === true }));
  for (const [endpoint, rules] of learned) {
    for (const field of FIELDS) {
      if (rules[field].length === 0) continue;
      const path = ['noise', 'endpoints', endpoint, field];
      const current = doc.getIn(path);
      const existing = isSeqLike(current) ? current.toJSON() : [];
      doc.setIn(path, doc.createNode(unionList(existing, rules[field]), { flow: true }));
    }
  }
  return doc.toString();
}

function isSeqLike(node: unknown): node is { toJSON(): unknown } {
  return node !== null && typeof node === 'object' && 'items' in node && !isMap(node);
}

/** Merge learned noise into a parsed JSON config, returned as JSON text. */
export function mergeNoiseIntoJson(
  config: unknown,
  learned: ReadonlyMap<string, EndpointNoiseRules>,
): string {
  const root: Record<string, unknown> = isJsonObject(config) ? { ...config } : {};
  const noise: Record<string, unknown> = isJsonObject(root['noise'])
    ? { ...root['noise'] }
    : { enabled: root['noise'] === true };
  const endpoints: Record<string, unknown> = isJsonObject(noise['endpoints'])
    ? { ...noise['endpoints'] }
    : {};
  for (const [endpoint, rules] of learned) {
    const current: Record<string, unknown> = isJsonObject(endpoints[endpoint])
      ? { ...endpoints[endpoint] }
      : {};
    for (const field of FIELDS) {
      if (rules[field].length > 0) current[field] = unionList(current[field], rules[field]);
    }
    endpoints[endpoint] = current;
  }
  root['noise'] = { ...noise, endpoints };
  return `${JSON.stringify(root, null, 2)}\n`;
}
