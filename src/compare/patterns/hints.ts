/**
 * How to close each recognised pattern, as a cutover engineer would write it:
 * what to change on the baseline to answer like the candidate, on the
 * candidate to answer like the baseline, and the comparison rule that
 * declares the two equivalent when the difference does not matter. Each
 * side's advice is an action in plain terms, followed by how that side's
 * runtime does it (serde, encoding/json, Jackson, Pydantic, …) only when its
 * runtime is known (`advice.ts`). An exhaustive record: a pattern cannot
 * ship without its hint. Pure.
 */

import type { SideRuntimes } from '../../model/runtime.js';
import { codeSpan } from '../../util/code-span.js';
import { yamlScalar } from '../../util/yaml-scalar.js';
import { type Advice, phrase } from './advice.js';
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

/** What a pattern hint is written from: the cause's field and parameters, and the sides' runtimes. */
export interface PatternHintInput {
  readonly field: string;
  readonly params: readonly string[];
  readonly runtimes: SideRuntimes;
}

type Side = 'baseline' | 'candidate';

/** The advice for the side named `side` (`forSide`) and for the other (`forOther`), each in its runtime's terms. */
function bySide(
  runtimes: SideRuntimes,
  side: Side,
  forSide: readonly [string, Advice],
  forOther: readonly [string, Advice],
): Omit<FixHint, 'rule'> {
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  const text = {
    [side]: phrase(forSide[0], runtimes[side], forSide[1]),
    [other]: phrase(forOther[0], runtimes[other], forOther[1]),
  };
  return { baseline: text['baseline'] ?? '', candidate: text['candidate'] ?? '' };
}

/** The same action for both sides, each in its runtime's terms. */
function both(runtimes: SideRuntimes, baseline: string, candidate: string, advice: Advice) {
  return {
    baseline: phrase(baseline, runtimes.baseline, advice),
    candidate: phrase(candidate, runtimes.candidate, advice),
  };
}

function sideOf(param: string | undefined): Side {
  return param?.startsWith('candidate') === true ? 'candidate' : 'baseline';
}

const at = (field: string) => (field === '' ? 'the field' : `${codeSpan(field)}`);
const pointer = (field: string, key: string) =>
  yamlScalar(field === '' ? `/${key}` : `/${field}/${key}`);

function taggedEnum({ params, runtimes }: PatternHintInput): FixHint {
  const [external, kind = 'internal', tag = 'Kind'] = params;
  const content = kind.startsWith('adjacent:') ? kind.slice('adjacent:'.length) : undefined;
  const serdeTag =
    content === undefined
      ? `\`#[serde(tag = "${tag}")]\``
      : `\`#[serde(tag = "${tag}", content = "${content}")]\``;
  const toTagged = [
    `write the discriminator ${codeSpan(tag)} beside the variant's fields${content === undefined ? '' : ` (its fields under ${codeSpan(content)})`}`,
    {
      rust: `tag the enum with ${serdeTag} (add \`#[serde(rename_all = …)]\` when the field names differ too)`,
      go: `a struct with a ${codeSpan(tag)} field`,
      java: `\`@JsonTypeInfo(use = Id.NAME, include = As.PROPERTY, property = "${tag}")\``,
      python: `a discriminated union (\`Field(discriminator="${tag}")\`)`,
    },
  ] as const;
  const toExternal = [
    'wrap the variant in a key named after it (`{"Variant":{…}}`)',
    {
      rust: "serde's default for an enum (drop `#[serde(tag = …)]`)",
      go: 'a custom `MarshalJSON` on the type',
      java: '`@JsonTypeInfo(use = Id.NAME, include = As.WRAPPER_OBJECT)`',
    },
  ] as const;
  const externalSide = sideOf(external?.replace('external-', ''));
  const style =
    content === undefined
      ? `{ field: ${yamlScalar(tag)} }`
      : `{ tag: ${yamlScalar(tag)}, content: ${yamlScalar(content)} }`;
  const rule =
    externalSide === 'baseline'
      ? `enumTag: { baseline: external, candidate: ${style} }`
      : `enumTag: { baseline: ${style}, candidate: external }`;
  return { ...bySide(runtimes, externalSide, toTagged, toExternal), rule };
}

function errorEnvelope({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = 'error', c = 'message'] = params;
  const under = (key: string): Advice => ({
    go: `\`json:"${key}"\` on the error struct`,
    rust: `\`#[serde(rename = "${key}")]\``,
    java: `\`@JsonProperty("${key}")\``,
    python: `\`Field(alias="${key}")\``,
  });
  return {
    baseline: phrase(
      `put the error under ${codeSpan(c)}, as the candidate does`,
      runtimes.baseline,
      under(c),
    ),
    candidate: phrase(
      `put the error under ${codeSpan(b)}, as the baseline does`,
      runtimes.candidate,
      under(b),
    ),
    rule: `renames: [{ baseline: ${pointer(field, b)}, candidate: ${pointer(field, c)} }]`,
  };
}

function keyCase({ params, runtimes }: PatternHintInput): FixHint {
  const [b = 'snake_case', c = 'camelCase'] = params;
  const write = (convention: string): Advice => ({
    rust: `\`#[serde(rename_all = "${convention}")]\` on the struct`,
    go: `json tags in ${convention}`,
    python: `an \`alias_generator\` for ${convention}`,
  });
  return {
    baseline: phrase(`write keys in ${c}`, runtimes.baseline, write(c)),
    candidate: phrase(`write keys in ${b}`, runtimes.candidate, write(b)),
    rule: 'keyCase: fold',
  };
}

function nullVsAbsent({ field, params, runtimes }: PatternHintInput): FixHint {
  const writesNull = sideOf(params[0]);
  const omit = [
    `omit ${at(field)} when it has no value`,
    {
      go: `\`omitempty\` on a pointer field (\`json:"${field || 'name'},omitempty"\`)`,
      rust: '`#[serde(skip_serializing_if = "Option::is_none")]`',
      java: '`@JsonInclude(JsonInclude.Include.NON_NULL)`',
      python: '`model_dump(exclude_none=True)`',
      node: 'leave it `undefined` (`JSON.stringify` drops it)',
    },
  ] as const;
  const writeNull = [
    `write ${at(field)} as \`null\` when it has no value`,
    {
      go: 'drop `omitempty`',
      rust: 'drop `skip_serializing_if` (serde writes `None` as `null`)',
      java: '`@JsonInclude(JsonInclude.Include.ALWAYS)`',
      python: '`exclude_none=False`',
      node: 'set it to `null`',
    },
  ] as const;
  return { ...bySide(runtimes, writesNull, omit, writeNull), rule: 'nullEqualsAbsent: true' };
}

function nilCollection(
  { field, params, runtimes }: PatternHintInput,
  kind: { noun: string; make: string; empty: string; rust: string },
): FixHint {
  const emptySide = sideOf(params[0]);
  const absent = params[1] === 'absent';
  const toEmpty = [
    `send an empty ${kind.noun === 'slice' ? 'list' : 'object'} ${codeSpan(kind.empty)} for ${at(field)}`,
    {
      go: `initialise it (${codeSpan(kind.make)}) before encoding (encoding/json writes a nil ${kind.noun} as \`null\`${absent ? '; and drop `omitempty`' : ''})`,
      rust: `a plain ${codeSpan(kind.rust)} always writes ${codeSpan(kind.empty)}`,
      node: `default it to ${codeSpan(kind.empty)}`,
      python: `default it to an empty value (\`Field(default_factory=${kind.noun === 'slice' ? 'list' : 'dict'})\`)`,
    },
  ] as const;
  const toNil = absent
    ? ([
        `omit ${at(field)} when empty`,
        {
          rust: `\`#[serde(skip_serializing_if = "${kind.rust.split('<')[0]}::is_empty")]\``,
          go: '`omitempty`',
          java: '`@JsonInclude(JsonInclude.Include.NON_EMPTY)`',
        },
      ] as const)
    : ([
        `send \`null\` for an empty ${at(field)}`,
        { rust: `\`Option<${kind.rust}>\` set to \`None\``, go: `leave the ${kind.noun} nil` },
      ] as const);
  const rule = absent ? 'emptyEqualsNull: true, nullEqualsAbsent: true' : 'emptyEqualsNull: true';
  return { ...bySide(runtimes, emptySide, toNil, toEmpty), rule };
}

function intAsString({ field, params, runtimes }: PatternHintInput): FixHint {
  const stringSide = sideOf(params[0]);
  const toNumber = [
    `write ${at(field)} as a JSON number`,
    { go: 'drop the `,string` tag option', rust: 'drop `#[serde_as(as = "DisplayFromStr")]`' },
  ] as const;
  const toText = [
    `write ${at(field)} as a string (64-bit ids lose precision in JavaScript above 2^53)`,
    {
      go: `\`json:"${field || 'id'},string"\``,
      rust: '`#[serde_as(as = "DisplayFromStr")]`',
      java: '`@JsonFormat(shape = JsonFormat.Shape.STRING)`',
    },
  ] as const;
  return { ...bySide(runtimes, stringSide, toNumber, toText), rule: 'numberStrings: true' };
}

const LAYOUT_ADVICE: Readonly<Record<'fraction' | 'seconds', Advice>> = {
  fraction: { go: '`time.RFC3339Nano`', rust: "chrono's `SecondsFormat::AutoSi`" },
  seconds: {
    go: '`time.RFC3339`, or `t.Truncate(time.Second)`',
    rust: "chrono's `to_rfc3339_opts(SecondsFormat::Secs, true)`",
  },
};

function timestampFormat({ field, params, runtimes }: PatternHintInput): FixHint {
  const [variant = 'precision'] = params;
  const [b = '', c = ''] = variant.split(':');
  const write = (label: string, side: Side, as: string) => {
    const action = `write ${at(field)} as the ${as} does`;
    if (variant === 'precision') return `${action}: the same precision`;
    if (label.startsWith('epoch')) {
      const unit = label.endsWith('ms') || label.endsWith('millis') ? 'milliseconds' : 'seconds';
      return `${action}: epoch ${unit}`;
    }
    const fraction = label.includes('fraction');
    const layout = fraction ? 'RFC 3339 with fractional seconds' : 'RFC 3339 in whole seconds';
    return phrase(
      `${action}: ${layout}`,
      runtimes[side],
      LAYOUT_ADVICE[fraction ? 'fraction' : 'seconds'],
    );
  };
  return {
    baseline: write(c, 'baseline', 'candidate'),
    candidate: write(b, 'candidate', 'baseline'),
    // The pattern matches the same instant to the coarser side's precision: `second` covers every case of it.
    rule: 'timestamps: second',
  };
}

function enumCase({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = 'lower_case', c = 'PascalCase'] = params;
  const serde = (convention: string) =>
    ({ lower_case: 'lowercase', UPPER_CASE: 'UPPERCASE' })[convention] ?? convention;
  const write = (convention: string): Advice => ({
    rust: `\`#[serde(rename_all = "${serde(convention)}")]\` on the enum`,
    go: "the constants' strings, or a `MarshalText`/`String()` on the enum type",
    java: '`@JsonValue` on the enum',
  });
  return {
    baseline: phrase(`write the values of ${at(field)} in ${c}`, runtimes.baseline, write(c)),
    candidate: phrase(`write the values of ${at(field)} in ${b}`, runtimes.candidate, write(b)),
  };
}

/** Every pattern's fix hint, from its field, parameters and the sides' runtimes: a new pattern breaks the build until it has one. */
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
  'float-format': ({ field, runtimes }) => ({
    baseline: `write ${at(field)} with the candidate's number formatting`,
    candidate: phrase(
      `write ${at(field)} with the baseline's number formatting`,
      runtimes.candidate,
      {
        go: "`strconv.FormatFloat(f, 'f', -1, 64)` writes the shortest form",
        rust: 'serde_json writes what ryu gives, `1.0` for a float',
      },
    ),
  }),
  'array-order': ({ field, runtimes }) => ({
    ...both(
      runtimes,
      `sort ${at(field)} as the candidate does`,
      `sort ${at(field)} as the baseline does (an ORDER BY, a sorted map)`,
      {
        go: '`sort.Slice`, or range over sorted map keys',
        rust: 'a `BTreeMap` instead of a `HashMap`',
      },
    ),
    rule: `sortArrays: [${yamlScalar(field === '' ? '/' : `/**/${field}`)}]`,
  }),
  'xml-namespace': ({ field, runtimes }) =>
    both(
      runtimes,
      `put ${at(field)} in the candidate's namespace URI`,
      `put ${at(field)} in the baseline's namespace URI`,
      {
        go: '`XMLName xml.Name \\`xml:"urn:… name"\\``',
        rust: "quick-xml/serde: the element's `xmlns` attribute",
      },
    ),
};
