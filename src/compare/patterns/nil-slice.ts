/** `nil-slice`: `[]` on one side, `null` (or absent) on the other — a Go nil slice. */
import { recogniseNil, SLICE } from './nil-collection.js';
import type { Pattern } from './types.js';

export const nilSlice: Pattern = {
  name: 'nil-slice',
  meaning:
    'an empty list `[]` on one side is `null` or absent on the other (a list left unset, or dropped when empty)',
  recognise: (changes) => recogniseNil(changes, SLICE),
};
