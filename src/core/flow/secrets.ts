/**
 * The values of a flow's secret variables (a token from a login answer, a
 * session from `set-cookie`), each to be shown as its placeholder
 * (`{{token}}`): what reports and recordings redact besides `${env:…}`
 * values. Pure.
 */
import type { Variables } from '../../contract/model/case.js';
import { placeholder } from './template.js';

/** Secret value → placeholder, for the variables named in `secrets` on every side given. */
export function secretValues(
  secrets: ReadonlySet<string>,
  sides: readonly Variables[],
): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of secrets) {
    for (const side of sides) {
      const captured = side.get(name);
      if (captured !== undefined) values.set(captured.text, placeholder(name));
    }
  }
  return values;
}
