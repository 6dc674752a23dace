/**
 * The runtimes parity can name (their list is the contract's,
 * `contract/vocabulary.ts`): a target's `runtime:` in the config, or what
 * its answers show (`core/compare/runtime-evidence.ts`). Explanations and fix
 * hints speak a runtime's terms (serde, encoding/json, Jackson, Pydantic, …)
 * only for a side whose runtime is known.
 *
 * A runtime here names whose conventions write the side's JSON: a language's
 * usual encoder, or `protobuf`, the protobuf JSON mapping (protojson, a gRPC
 * gateway), whose conventions (64-bit integers as strings, default values
 * omitted, lowerCamelCase names) are its own whatever language serves it.
 */
import type { Runtime } from '../vocabulary.js';

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

/** One side of a comparison. */
export type Side = 'baseline' | 'candidate';

/** The runtime of each side, where known. */
export interface SideRuntimes {
  readonly baseline?: Runtime | undefined;
  readonly candidate?: Runtime | undefined;
}
