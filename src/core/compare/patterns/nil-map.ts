/** `nil-map`: `{}` on one side, `null` (or absent) on the other — a Go nil map. */
import { MAP, NIL_OPS, nilHint, recogniseNil } from './nil-collection.js';
import type { Pattern } from './types.js';

export const nilMap: Pattern<'nil-map'> = {
  name: 'nil-map',
  meaning:
    'an empty object `{}` on one side is `null` or absent on the other (an object left unset, or dropped when empty)',
  kindOf: () => 'shape',
  hint: (input) =>
    nilHint(input, { noun: 'map', make: 'make(map[K]V)', empty: '{}', rust: 'HashMap<K, V>' }),
  ops: NIL_OPS,
  recognise: (changes) => recogniseNil(changes, MAP),
};
