/**
 * Fix hints in a runtime's own terms: an action every runtime understands
 * ("omit `x` when it has no value"), then how the side's runtime does it
 * (Go's `omitempty`, serde's `skip_serializing_if`, Jackson's
 * `@JsonInclude`), only when that side's runtime is known. A side of
 * unknown runtime gets the action alone: never another runtime's advice.
 */
import type { Runtime } from '../../model/runtime.js';

/** How each runtime does an action; a runtime without an entry gets the action alone. */
export type Advice = Partial<Readonly<Record<Runtime, string>>>;

/** `action`, or `action: how` in the runtime's terms when it has them. */
export function phrase(action: string, runtime: Runtime | undefined, advice: Advice): string {
  const how = runtime === undefined ? undefined : advice[runtime];
  return how === undefined ? action : `${action}: ${how}`;
}
