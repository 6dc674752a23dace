/**
 * The runtimes parity can name: a target's `runtime:` in the config, or what
 * its answers show (`core/compare/runtime-evidence.ts`). Explanations and fix
 * hints speak a runtime's terms (serde, encoding/json, Jackson, Pydantic, …)
 * only for a side whose runtime is known.
 *
 * A runtime here names whose conventions write the side's JSON: a language's
 * usual encoder, or `protobuf`, the protobuf JSON mapping (protojson, a gRPC
 * gateway), whose conventions (64-bit integers as strings, default values
 * omitted, lowerCamelCase names) are its own whatever language serves it.
 */

/** Stable names: they are written in configs and in report.json. */
export const RUNTIMES = [
  'go',
  'rust',
  'node',
  'python',
  'java',
  'dotnet',
  'ruby',
  'php',
  'protobuf',
] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** How reports name a runtime. */
export const RUNTIME_LABELS: Readonly<Record<Runtime, string>> = {
  go: 'Go',
  rust: 'Rust',
  node: 'Node.js',
  python: 'Python',
  java: 'Java',
  dotnet: '.NET',
  ruby: 'Ruby',
  php: 'PHP',
  protobuf: 'protobuf JSON mapping',
};

/** A side's runtime and why parity believes it. */
export interface KnownRuntime {
  readonly name: Runtime;
  /** `config`, or the evidence: `header server: uvicorn`, `body: "json: cannot unmarshal …"`. */
  readonly from: string;
}

/** One side of a comparison. */
export type Side = 'baseline' | 'candidate';

/** The runtime of each side, where known. */
export interface SideRuntimes {
  readonly baseline?: Runtime | undefined;
  readonly candidate?: Runtime | undefined;
}
