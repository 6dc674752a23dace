/** `nil-slice`: `[]` on one side, `null` (or absent) on the other — a Go nil slice. */
import { NIL_OPS, nilHint, recogniseNil, SLICE } from './nil-collection.js';
import type { Pattern } from './types.js';

export const nilSlice: Pattern<'nil-slice'> = {
  name: 'nil-slice',
  meaning:
    'an empty list `[]` on one side is `null` or absent on the other (a list left unset, or dropped when empty)',
  kindOf: () => 'shape',
  hint: (input) =>
    nilHint(input, { noun: 'slice', make: 'make([]T, 0)', empty: '[]', rust: 'Vec<T>' }),
  ops: NIL_OPS,
  recognise: (changes) => recogniseNil(changes, SLICE),
};
