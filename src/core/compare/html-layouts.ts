/**
 * HTML pages rendered with another layout are one decision (tracker rule 61,
 * issue 43). An HTML page is a template plus its data, and a site's
 * templates share one layout: the document's `<head>` (its metadata, its
 * stylesheets, its scripts, a title element) written once for every page. A
 * rewrite that renders its pages with a layout of its own differs on every
 * such page, in its head's skeleton (the elements and the names of their
 * attributes: no text, no attribute value), however the words inside agree;
 * each page is a whole text that differs (rule 9), so each was a row of its
 * own, one decision as nine rows.
 *
 * The rule, once the run has seen every answer: whole text bodies that are
 * HTML documents on both sides (a doctype or an `<html>` element first)
 * whose head skeletons differ (`layoutOf`, per answer, `findings.ts`), with
 * **one pair** of head skeletons, in **two answers or more**, are one row
 * (``candidate renders its HTML pages with another layout (another
 * `<head>`) on several endpoints``), listing every page; a `content-type`
 * difference in exactly those answers, and no other, is that row's too (one
 * layout writes the page and its label, as rule 52's text and label).
 * Where only some pages changed layout, those that did are the row: each was
 * rendered with the other layout, one decision; the others show none.
 *
 * **Kept apart**: a page whose head skeleton is the same on both sides (a
 * message reworded, a link changed, a form that gains a field: each a
 * difference inside one template, rule 9's row as before), even beside
 * pages of another layout; an HTML page against a JSON or text body (no
 * layout on one side: body-kind and status rows); another pair of head
 * skeletons (another layout); one answer alone; a body its status holds
 * (rules 10 and 54), or one side's error handler or refusal gate (rules 24
 * and 28). The limits: a layout changed in its body alone (a new navigation
 * under the same head) is no layout here, and a message reworded inside a
 * page of the other layout is that page's, so the layout row's (nothing in
 * one page tells the template's words from its data's). Pure.
 */
import { createHash } from 'node:crypto';
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { ANY_ENDPOINT } from './root-cause.js';
import { inSameAnswers } from './same-answers.js';

/** `layout|<media type>|<hash>`: the difference of HTML pages of another layout. */
export const LAYOUT = 'layout';

/** An HTML document: a doctype or the `<html>` element first (comments and spaces before). */
const DOCUMENT = /^(?:\s|<!--[\s\S]*?-->)*(?:<!doctype\s+html|<html[\s>])/i;

/** The names of the attributes of a start tag's attribute text, sorted, each once. */
function attributeNames(attributes: string): string {
  const names = new Set<string>();
  for (const [, name] of attributes.matchAll(
    /([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g,
  )) {
    if (name !== undefined) names.add(name.toLowerCase());
  }
  return [...names].sort().join(',');
}

/**
 * The skeleton of an HTML document's layout: the `<html>` element's
 * attribute names, then each element of its `<head>`, in order, with its
 * attribute names (`link(href,rel)`); no text, no attribute value (a
 * page's title, a stylesheet's address: data). Undefined for a text that is
 * no HTML document.
 */
export function headSkeleton(text: string): string[] | undefined {
  if (!DOCUMENT.test(text)) return undefined;
  const html = text.replace(/<!--[\s\S]*?-->/g, '');
  const root = /<html\b([^>]*)>/i.exec(html)?.[1] ?? '';
  const head = /<head\b[^>]*>([\s\S]*?)<\/head\s*>/i.exec(html)?.[1] ?? '';
  // A script's or a style's content is no element, whatever it holds.
  const elements = head.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
  const tags = [...elements.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)].map(
    ([, name = '', attributes = '']) => `${name.toLowerCase()}(${attributeNames(attributes)})`,
  );
  return [`html(${attributeNames(root)})`, ...tags];
}

/**
 * The layout difference of two whole texts (`layout|<media type>|<hash>`
 * of the two head skeletons): both HTML documents whose head skeletons
 * differ; undefined otherwise.
 */
export function layoutOf(
  baseline: string,
  candidate: string,
  textType: string | undefined,
): string | undefined {
  const [b, c] = [headSkeleton(baseline), headSkeleton(candidate)];
  if (b === undefined || c === undefined || b.join('\n') === c.join('\n')) return undefined;
  const type = textType ?? '';
  const hash = createHash('sha256')
    .update(JSON.stringify([type, b, c]))
    .digest('hex');
  return `${LAYOUT}|${type}|${hash.slice(0, 12)}`;
}

/** True for the difference of HTML pages of another layout (`layout|…`). */
export function isLayoutDifference(difference: string): boolean {
  return difference.split('|')[0] === LAYOUT;
}

/** The words of a layout row: the media type and the hash that tells two layouts apart. */
export function layoutWords(difference: string): string {
  const [, type = '', hash = ''] = difference.split('|');
  const of = type === '' ? hash.slice(0, 8) : `${type}, ${hash.slice(0, 8)}`;
  return `candidate renders its HTML pages with another layout (another \`<head>\`) on several endpoints (${of})`;
}

/** One answer as the rule reads it: its case and findings. */
interface LayoutAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

type StructureCause = RootCause & { type: 'structure' };

/** A layout's answers, and per own key of their whole-text causes, the row's cause for it. */
interface Shown {
  readonly answers: Set<string>;
  readonly owns: Map<string, StructureCause>;
}

/** The header whose difference travels with the layout's pages. */
const LABEL = 'content-type';

/**
 * By own key (`ownKey`, given by the caller): the layout row of each page
 * of a layout shown in two answers or more, and of a `content-type` in
 * exactly those answers (see the module comment); `taken`: own keys another
 * rule gave a row (a status's body, an error handler's, a gate's).
 */
export function htmlLayouts(
  answers: readonly LayoutAnswer[],
  ownKey: (cause: RootCause) => string,
  taken: (own: string) => boolean,
): Map<string, RootCause> {
  const layouts = new Map<string, Shown>();
  const labels = new Map<string, Set<string>>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      if (cause.type === 'header' && cause.name === LABEL) {
        const key = ownKey(cause);
        labels.set(key, (labels.get(key) ?? new Set<string>()).add(caseId));
      }
      if (cause.type !== 'structure' || cause.layout === undefined) continue;
      const own = ownKey(cause);
      if (taken(own)) continue;
      const shown = layouts.get(cause.layout) ?? { answers: new Set<string>(), owns: new Map() };
      layouts.set(cause.layout, shown);
      shown.answers.add(caseId);
      // Each page's own alike kept: the row it had kept apart on its endpoint (rule 9) is its earlier key.
      const { apart: _apart, main: _main, layout: _layout, ...rest } = cause;
      shown.owns.set(own, { ...rest, endpoint: ANY_ENDPOINT, difference: cause.layout });
    }
  }
  const out = new Map<string, RootCause>();
  for (const { answers: pages, owns } of layouts.values()) {
    if (pages.size < 2) continue;
    for (const [own, cause] of owns) out.set(own, cause);
    const [row] = owns.values();
    if (row === undefined) continue;
    const { alike: _alike, ...plain } = row;
    for (const [key, shownIn] of labels) {
      if (!taken(key) && inSameAnswers(shownIn, pages, 2)) out.set(key, plain);
    }
  }
  return out;
}
