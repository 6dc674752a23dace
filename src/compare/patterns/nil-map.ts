/** `nil-map`: `{}` on one side, `null` (or absent) on the other — a Go nil map. */
import { MAP, recogniseNil } from './nil-collection.js';
import type { Pattern } from './types.js';

export const nilMap: Pattern = {
  name: 'nil-map',
  meaning:
    'an empty object `{}` on one side is `null` or absent on the other (an object left unset, or dropped when empty)',
  recognise: (changes) => recogniseNil(changes, MAP),
};
