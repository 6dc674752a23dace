/**
 * Which outputs a run writes, as `--reporter NAME[=PATH]` and the config's
 * `reporters:` name them (Playwright's and vitest's convention): the names,
 * and a list of texts (each possibly a comma list) parsed into choices, an
 * unknown name refused with the name it is closest to. Pure.
 */

import { didYouMean } from '../../util/suggest.js';
import { REPORT_FORMATS } from './report-formats.js';

/** Every reporter a run can be given by name: the console, the report files, GitHub Actions. */
export const REPORTER_NAMES = ['console', ...REPORT_FORMATS, 'github', 'ndjson'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** Reporters that take no path: the console prints, it writes no file. */
const PATHLESS: readonly ReporterName[] = ['console'];

/** One chosen reporter: its name, and where its file goes when not in the run's folder. */
export interface ReporterChoice {
  readonly name: ReporterName;
  /** As given (relative to the working folder); absent: the run's folder (github: `$GITHUB_STEP_SUMMARY`). */
  readonly path?: string;
}

const isName = (name: string): name is ReporterName =>
  (REPORTER_NAMES as readonly string[]).includes(name);

/**
 * The choices of `texts` (`console`, `junit=out/junit.xml`, `md,html`), in
 * the order given, a name given twice kept once (its last path); a string
 * naming the problem when one is wrong.
 */
export function parseReporters(texts: readonly string[]): ReporterChoice[] | string {
  const chosen = new Map<ReporterName, ReporterChoice>();
  for (const text of texts) {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length === 0)
      return `a reporter is one of ${REPORTER_NAMES.join(', ')} (got "${text}")`;
    for (const item of items) {
      const at = item.indexOf('=');
      const name = at < 0 ? item : item.slice(0, at).trim();
      const path = at < 0 ? undefined : item.slice(at + 1).trim();
      if (!isName(name)) {
        return `unknown reporter "${name}"${didYouMean(name, REPORTER_NAMES)}; the reporters are ${REPORTER_NAMES.join(', ')}`;
      }
      if (path === '')
        return `reporter ${name}: the path after "=" is empty (write ${name}=PATH, or ${name} alone)`;
      if (path !== undefined && PATHLESS.includes(name)) {
        return `reporter ${name} prints and writes no file: give it no path (got "${item}")`;
      }
      chosen.delete(name);
      chosen.set(name, path === undefined ? { name } : { name, path });
    }
  }
  return [...chosen.values()];
}
