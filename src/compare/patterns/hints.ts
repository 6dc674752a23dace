/**
 * How to close each recognised pattern, as a cutover engineer would write it:
 * what to change on the baseline to answer like the candidate, on the
 * candidate to answer like the baseline (in serde and in Go's encoding/json
 * terms, since either runtime may be on either side), and the comparison rule
 * that declares the two equivalent when the difference does not matter. An
 * exhaustive record: a pattern cannot ship without its hint. Pure.
 */

import { codeSpan } from '../../util/code-span.js';
import { yamlScalar } from '../../util/yaml-scalar.js';
import type { PatternName } from './types.js';

/** How to close one root cause. */
export interface FixHint {
  /** Make the baseline answer like the candidate. */
  readonly baseline: string;
  /** Make the candidate answer like the baseline. */
  readonly candidate: string;
  /** A rule that declares both answers equivalent (for `rules:`), when one fits. */
  readonly rule?: string;
}

/** What a pattern hint is written from: the cause's field and parameters. */
export interface PatternHintInput {
  readonly field: string;
  readonly params: readonly string[];
}

type Side = 'baseline' | 'candidate';

/** `{ baseline, candidate }` from the text for the side named `side` and the text for the other. */
function bySide(side: Side, forSide: string, forOther: string): Omit<FixHint, 'rule'> {
  return side === 'baseline'
    ? { baseline: forSide, candidate: forOther }
    : { baseline: forOther, candidate: forSide };
}

function sideOf(param: string | undefined): Side {
  return param?.startsWith('candidate') === true ? 'candidate' : 'baseline';
}

const at = (field: string) => (field === '' ? 'the field' : `${codeSpan(field)}`);
const pointer = (field: string, key: string) =>
  yamlScalar(field === '' ? `/${key}` : `/${field}/${key}`);

function taggedEnum({ params }: PatternHintInput): FixHint {
  const [external, kind = 'internal', tag = 'Kind'] = params;
  const content = kind.startsWith('adjacent:') ? kind.slice('adjacent:'.length) : undefined;
  const serdeTag =
    content === undefined
      ? `\`#[serde(tag = "${tag}")]\``
      : `\`#[serde(tag = "${tag}", content = "${content}")]\``;
  const toTagged = `write the discriminator: in Rust tag the enum with ${serdeTag} (add \`#[serde(rename_all = …)]\` when the field names differ too); in Go a struct with a ${codeSpan(tag)} field`;
  const toExternal = `wrap the variant in a key named after it (\`{"Variant":{…}}\`): serde's default for an enum (drop \`#[serde(tag = …)]\`); in Go a custom \`MarshalJSON\` on the error type`;
  const externalSide = sideOf(external?.replace('external-', ''));
  const style =
    content === undefined
      ? `{ field: ${yamlScalar(tag)} }`
      : `{ tag: ${yamlScalar(tag)}, content: ${yamlScalar(content)} }`;
  const rule =
    externalSide === 'baseline'
      ? `enumTag: { baseline: external, candidate: ${style} }`
      : `enumTag: { baseline: ${style}, candidate: external }`;
  return { ...bySide(externalSide, toTagged, toExternal), rule };
}

function errorEnvelope({ field, params }: PatternHintInput): FixHint {
  const [b = 'error', c = 'message'] = params;
  return {
    baseline: `put the error under ${codeSpan(c)}, as the candidate does (the error type's serde field name or Go json tag)`,
    candidate: `put the error under ${codeSpan(b)}, as the baseline does (Go: \`json:"${b}"\` on the error struct; serde: \`#[serde(rename = "${b}")]\`)`,
    rule: `renames: [{ baseline: ${pointer(field, b)}, candidate: ${pointer(field, c)} }]`,
  };
}

function keyCase({ params }: PatternHintInput): FixHint {
  const [b = 'snake_case', c = 'camelCase'] = params;
  const write = (convention: string) =>
    `write keys in ${convention}: serde \`#[serde(rename_all = "${convention}")]\` on the struct; Go json tags in ${convention}`;
  return { baseline: write(c), candidate: write(b), rule: 'keyCase: fold' };
}

function nullVsAbsent({ field, params }: PatternHintInput): FixHint {
  const writesNull = sideOf(params[0]);
  const omit = `omit ${at(field)} when it has no value: Go \`omitempty\` on a pointer field (\`json:"${field || 'name'},omitempty"\`); serde \`#[serde(skip_serializing_if = "Option::is_none")]\``;
  const writeNull = `write ${at(field)} as \`null\` when it has no value: Go without \`omitempty\`; serde without \`skip_serializing_if\` (it writes \`None\` as \`null\`)`;
  return { ...bySide(writesNull, omit, writeNull), rule: 'nullEqualsAbsent: true' };
}

function nilCollection(
  { field, params }: PatternHintInput,
  kind: { noun: string; make: string; empty: string; rust: string },
): FixHint {
  const emptySide = sideOf(params[0]);
  const absent = params[1] === 'absent';
  const toEmpty = `send an empty ${kind.noun} ${codeSpan(kind.empty)} for ${at(field)}: in Go initialise it (${codeSpan(kind.make)}) before encoding (encoding/json writes a nil ${kind.noun} as \`null\`${absent ? '; and drop `omitempty`' : ''}); in Rust a plain ${codeSpan(kind.rust)} always writes ${codeSpan(kind.empty)}`;
  const toNil = absent
    ? `omit ${at(field)} when empty: serde \`#[serde(skip_serializing_if = "${kind.rust.split('<')[0]}::is_empty")]\`; Go \`omitempty\``
    : `send \`null\` for an empty ${at(field)}: serde \`Option<${kind.rust}>\` set to \`None\`; in Go leave the ${kind.noun} nil`;
  const rule = absent ? 'emptyEqualsNull: true, nullEqualsAbsent: true' : 'emptyEqualsNull: true';
  return { ...bySide(emptySide, toNil, toEmpty), rule };
}

function intAsString({ field, params }: PatternHintInput): FixHint {
  const stringSide = sideOf(params[0]);
  const toNumber = `write ${at(field)} as a JSON number: drop Go's \`,string\` tag option; drop serde's \`#[serde_as(as = "DisplayFromStr")]\``;
  const toText = `write ${at(field)} as a string (64-bit ids lose precision in JavaScript above 2^53): Go \`json:"${field || 'id'},string"\`; serde \`#[serde_as(as = "DisplayFromStr")]\``;
  return { ...bySide(stringSide, toNumber, toText), rule: 'numberStrings: true' };
}

function timestampFormat({ field, params }: PatternHintInput): FixHint {
  const [variant = 'precision'] = params;
  const [b = '', c = ''] = variant.split(':');
  const layout = (label: string) =>
    label.startsWith('epoch')
      ? `epoch ${label.endsWith('ms') || label.endsWith('millis') ? 'milliseconds' : 'seconds'}`
      : label.includes('fraction')
        ? 'RFC 3339 with fractional seconds (Go `time.RFC3339Nano`; chrono `SecondsFormat::AutoSi`)'
        : 'RFC 3339 in whole seconds (Go `time.RFC3339`, or `t.Truncate(time.Second)`; chrono `to_rfc3339_opts(SecondsFormat::Secs, true)`)';
  const same = variant === 'precision' ? 'the same precision' : undefined;
  return {
    baseline: `write ${at(field)} as the candidate does: ${same ?? layout(c)}`,
    candidate: `write ${at(field)} as the baseline does: ${same ?? layout(b)}`,
    // The pattern matches the same instant to the coarser side's precision: `second` covers every case of it.
    rule: 'timestamps: second',
  };
}

function enumCase({ field, params }: PatternHintInput): FixHint {
  const [b = 'lower_case', c = 'PascalCase'] = params;
  const serde = (convention: string) =>
    ({ lower_case: 'lowercase', UPPER_CASE: 'UPPERCASE' })[convention] ?? convention;
  const write = (convention: string) =>
    `write the values of ${at(field)} in ${convention}: serde \`#[serde(rename_all = "${serde(convention)}")]\` on the enum; in Go the constants' strings, or a \`MarshalText\`/\`String()\` on the enum type`;
  return { baseline: write(c), candidate: write(b) };
}

/** Every pattern's fix hint, from its field and parameters: a new pattern breaks the build until it has one. */
export const PATTERN_HINTS: Readonly<Record<PatternName, (input: PatternHintInput) => FixHint>> = {
  'tagged-enum': taggedEnum,
  'error-envelope': errorEnvelope,
  'key-case': keyCase,
  'null-vs-absent': nullVsAbsent,
  'nil-slice': (input) =>
    nilCollection(input, { noun: 'slice', make: 'make([]T, 0)', empty: '[]', rust: 'Vec<T>' }),
  'nil-map': (input) =>
    nilCollection(input, {
      noun: 'map',
      make: 'make(map[K]V)',
      empty: '{}',
      rust: 'HashMap<K, V>',
    }),
  'int-as-string': intAsString,
  'timestamp-format': timestampFormat,
  'enum-case': enumCase,
  'float-format': ({ field }) => ({
    baseline: `write ${at(field)} with the candidate's number formatting`,
    candidate: `write ${at(field)} with the baseline's number formatting (Go \`strconv.FormatFloat(f, 'f', -1, 64)\` writes the shortest form; serde_json writes what ryu gives, \`1.0\` for a float)`,
  }),
  'array-order': ({ field }) => ({
    baseline: `sort ${at(field)} as the candidate does`,
    candidate: `sort ${at(field)} as the baseline does (an ORDER BY, \`sort.Slice\`, a \`BTreeMap\` instead of a \`HashMap\`)`,
    rule: `sortArrays: [${yamlScalar(field === '' ? '/' : `/**/${field}`)}]`,
  }),
  'xml-namespace': ({ field }) => ({
    baseline: `put ${at(field)} in the candidate's namespace URI`,
    candidate: `put ${at(field)} in the baseline's namespace URI (Go \`XMLName xml.Name \\\`xml:"urn:… name"\\\`\`; quick-xml/serde: the element's \`xmlns\` attribute)`,
  }),
};
