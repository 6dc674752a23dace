/**
 * `parity calibrate --write`: merge learned endpoint noise into the text of
 * parity.config.yaml with the `yaml` Document API; only the `noise:` entry is
 * rewritten, so every other byte of the file (comments, key order, spacing,
 * quoting, line breaks) survives; JSON configs are rewritten as JSON. Pure.
 */
import { Document, isMap, isNode, isScalar, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { NoiseEntry } from '../../contract/report.js';
import { isJsonObject } from '../../core/normalise/json.js';

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

/**
 * How parity writes YAML it must write: flow lists as `[a, b]` (no padding),
 * long strings on one line.
 */
const YAML_STYLE = { flowCollectionPadding: false, lineWidth: 0 } as const;

/** The source span of the top-level `noise:` entry of a block-map document, if any. */
function noiseSpan(doc: Document): { start: number; end: number } | undefined {
  if (!isMap(doc.contents) || doc.contents.flow === true) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === 'noise');
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const value = pair?.value;
  const end = isNode(value) ? value.range?.[1] : undefined;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * Merge learned noise into a YAML config text (an empty text starts a new
 * file). Only the top-level `noise:` entry is rewritten (its comments kept);
 * every byte before and after it stays as it was, and a config without one
 * gets it appended. A text the noise does not change is returned as it is.
 */
export function mergeNoiseIntoYaml(
  text: string,
  learned: ReadonlyMap<string, EndpointNoiseRules>,
): string {
  const doc: Document = text.trim() === '' ? new Document({}) : parseDocument(text);
  const before = JSON.stringify(doc.toJS());
  const span = noiseSpan(doc);
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
  if (JSON.stringify(doc.toJS()) === before) return text;
  if (text.trim() === '' || !isMap(doc.contents) || doc.contents.flow === true) {
    return doc.toString(YAML_STYLE);
  }
  const entry = new YAMLMap();
  entry.items.push(new Pair(new Scalar('noise'), doc.get('noise', true)));
  const section = new Document(entry);
  const rendered = section.toString(YAML_STYLE);
  if (span === undefined) {
    return `${text}${text.endsWith('\n') ? '' : '\n'}${rendered}`;
  }
  const old = text.slice(span.start, span.end);
  const replacement = old.endsWith('\n') ? rendered : rendered.replace(/\n$/, '');
  return text.slice(0, span.start) + replacement + text.slice(span.end);
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
