/// <reference lib="dom" />
/**
 * The page script of report.html, a browser module in typed TypeScript.
 * `drawReport` reads the embedded JSON view and builds the page with DOM
 * calls; every server-provided string becomes a text node (`append(string)` /
 * `textContent`), never markup, so a body holding `<script>` or
 * `"><img onerror=…>` stays text. The page's CSP allows exactly this script by
 * the hash of its text.
 *
 * Nothing in parity imports it at run time: `scripts/page-script.mjs` bundles
 * it (esbuild, one IIFE) into the string `reporters/report/html/page-script.ts` exports,
 * at build time and whenever it changes (`npm run page-script`; a test fails
 * when the string is stale). So it may import like any module (type imports
 * are erased; a value import is bundled in).
 *
 * The DOM types come from the `lib` reference above. tsc has no per-file lib,
 * so they are visible to the whole program: the compiler would not stop a
 * Node module from naming `document`; none does, and the tests run them all
 * in Node.
 */
import type { SideLines } from '../diff-lines.js';
import type { DecisionItem, HtmlView, RowView } from '../view.js';
import { acrossChart, endpointChart, latencyChart, type Shape } from './charts.js';
import { lineParts } from './code-spans.js';
import { inlineParts } from './inline-markdown.js';
import { svgOf } from './svg.js';

export function drawReport(): void {
  const data: HtmlView = JSON.parse(document.getElementById('parity-data')?.textContent ?? '');
  type Kid = Node | string | null | undefined;
  type FilterName = 'kind' | 'endpoint' | 'regression' | 'tracker' | 'cause';

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    cls: string,
    ...kids: Kid[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
    return node;
  }
  /** A line of parity's words with its code spans as `<code>` (text inside, never markup). */
  function rich(line: string): Kid[] {
    return lineParts(line).map((part) => (part.code ? el('code', '', part.text) : part.text));
  }
  /** A Decision note, Markdown a person wrote in the tracker, rendered (see `inline-markdown.ts`). */
  function markdown(line: string): Kid[] {
    return inlineParts(line).map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind !== 'link') return el(part.kind, '', part.text);
      const a = el('a', '', part.text);
      a.setAttribute('href', part.href);
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      return a;
    });
  }
  function testid<T extends Element>(node: T, id: string): T {
    node.setAttribute('data-testid', id);
    return node;
  }
  const section = (title: string) => el('h2', '', title);
  function table(
    head: readonly string[],
    rows: readonly (readonly (string | number)[])[],
    numeric?: readonly boolean[],
  ): HTMLTableElement {
    const cls = (i: number) => (numeric?.[i] ? 'num' : '');
    const tr = el('tr', '', ...head.map((h, i) => el('th', cls(i), h)));
    const body = el('tbody', '');
    for (const row of rows)
      body.append(el('tr', '', ...row.map((c, i) => el('td', cls(i), String(c)))));
    return el('table', '', el('thead', '', tr), body);
  }

  const state: Record<FilterName | 'text', string> = {
    kind: '',
    endpoint: '',
    regression: '',
    tracker: '',
    cause: '',
    text: '',
  };
  const rowNodes: [RowView, HTMLDetailsElement][] = [];
  const kindButtons: [string, HTMLButtonElement][] = [];

  function header(): HTMLElement {
    document.title = data.title;
    const { baseline, candidate } = data;
    const meta = `run ${data.runId} · ${data.startedAt} · baseline ${baseline.name} ${baseline.url} · candidate ${candidate.name} ${candidate.url}`;
    return el('header', '', el('h1', '', data.title), el('div', 'meta', meta));
  }

  /** A run a signal stopped says so first, with the cases it did not run (collapsed). */
  function interrupted(): HTMLElement[] {
    const stopped = data.interrupted;
    if (stopped === undefined) return [];
    const banner = el('div', 'banner', el('strong', '', `${stopped.title}: `), stopped.line);
    const list = el('pre', 'block', stopped.notRun.join('\n'));
    const more = el('details', '', el('summary', '', `cases not run (${stopped.notRun.length})`));
    more.append(list);
    if (stopped.notRun.length > 0) banner.append(more);
    return [testid(banner, 'interrupted')];
  }

  function cards(): HTMLElement[] {
    const counts = el('div', 'cards');
    for (const [key, label, value] of data.counts) {
      const card = el('div', 'card', el('div', 'value', value), el('div', 'label', label));
      card.setAttribute('data-card', key);
      counts.append(card);
    }
    const kinds = el('div', 'cards');
    for (const [kind, title, count] of data.kinds) {
      const value = el('div', 'value', String(count));
      const button = el('button', `card k-${kind}`, value, el('div', 'label', title));
      button.type = 'button';
      button.setAttribute('data-card', `kind-${kind}`);
      button.setAttribute('aria-pressed', 'false');
      button.title = `show only ${kind} divergences`;
      button.addEventListener('click', () => {
        state.kind = state.kind === kind ? '' : kind;
        kindSelect.value = state.kind;
        apply();
      });
      kindButtons.push([kind, button]);
      kinds.append(button);
    }
    const note =
      data.kindsNote === undefined ? [] : [testid(el('p', 'note', data.kindsNote), 'kinds-note')];
    const notes = data.countNotes.map((line) => el('p', 'note', line));
    return [counts, el('div', '', ' '), kinds, ...note, ...notes];
  }

  /** `--compare-to`: the counts in words, and a warning when the compared report proves less. */
  function regression(): HTMLElement[] {
    const r = data.regression;
    if (r === undefined) return [];
    const out = [testid(el('p', 'note', r.line), 'regression')];
    if (r.warning !== undefined)
      out.push(testid(el('div', 'banner', r.warning), 'compare-warning'));
    return out;
  }

  function endpoints(): HTMLTableElement {
    const rows = data.endpoints.map((e) => [e.endpoint, e.cases, e.divergent, e.errors, e.kinds]);
    const head = ['endpoint', 'cases', 'divergent', 'errors', 'kinds'];
    return testid(table(head, rows, [false, true, true, true, false]), 'endpoints');
  }

  function latency(): HTMLElement[] {
    const { line, header: head, rows } = data.latency;
    const numeric = head.map((_, i) => i > 0);
    return [el('p', 'note', line), testid(table(head, rows, numeric), 'latency')];
  }

  /** A chart in a figure, or the note that says why there is none. */
  function chart(name: string, drawn: Shape | string): HTMLElement {
    if (typeof drawn === 'string') return testid(el('p', 'note', drawn), `chart-${name}-note`);
    const figure = testid(el('figure', 'chart-box'), `chart-${name}`);
    figure.append(svgOf(drawn));
    return figure;
  }

  function charts(): { latency: HTMLElement; endpoints: HTMLElement; across: HTMLElement } {
    const { latency: l, endpoints: e, across: a } = data.charts;
    const names = { baseline: data.baseline.name, candidate: data.candidate.name };
    const more = e.more > 0 ? [el('p', 'note', `and ${e.more} more endpoints in the table`)] : [];
    return {
      latency: chart('latency', 'note' in l ? l.note : latencyChart(l, names)),
      endpoints: el(
        'div',
        '',
        chart('endpoints', e.bars.length === 0 ? 'No endpoint diverged.' : endpointChart(e.bars)),
        ...more,
      ),
      across: chart('across', 'note' in a ? a.note : acrossChart(a)),
    };
  }

  function coverage(): HTMLElement[] {
    if (data.coverage === undefined) return [];
    const { line, gaps, header: head, rows } = data.coverage;
    const numeric = head.map((_, i) => i > 0);
    return [
      section('Coverage'),
      el('p', 'note', line),
      ...gaps.map((gap) => el('p', 'note', gap)),
      testid(table(head, rows, numeric), 'coverage'),
    ];
  }

  function select(name: FilterName, label: string, values: readonly string[]): HTMLSelectElement {
    const s = el('select', '');
    s.setAttribute('aria-label', label);
    s.setAttribute('data-filter', name);
    s.append(new Option(`all ${label}`, ''));
    for (const v of values) s.append(new Option(v, v));
    s.addEventListener('change', () => {
      state[name] = s.value;
      apply();
    });
    return s;
  }
  function distinct(pick: (row: RowView) => string | undefined): string[] {
    const seen: string[] = [];
    for (const row of data.rows) {
      const v = pick(row);
      if (v && !seen.includes(v)) seen.push(v);
    }
    return seen.sort();
  }

  const causeSelect = el('select', '');
  causeSelect.setAttribute('aria-label', 'root causes');
  causeSelect.setAttribute('data-filter', 'cause');
  causeSelect.append(new Option('all root causes', ''));
  for (const item of data.decisions.items) {
    if (item.reach.startsWith('0 ')) continue;
    const label = `${item.id ? `${item.id} ` : ''}${item.summary}`;
    causeSelect.append(
      new Option(label.length > 90 ? `${label.slice(0, 89)}…` : label, item.fingerprint),
    );
  }
  causeSelect.addEventListener('change', () => {
    state.cause = causeSelect.value;
    apply();
  });

  /** One root cause: a line with its status, and (opened) the next action and the fix. */
  function causeNode(item: DecisionItem): HTMLDetailsElement {
    const summary = el(
      'summary',
      '',
      el('span', 'badge', item.status),
      item.id ? el('span', 'case', item.id) : null,
      el('span', 'mono', item.kind),
      el('span', '', ...rich(item.summary)),
      el('span', 'note', item.reach),
    );
    if (item.next) summary.append(el('span', 'next', 'next: ', ...rich(item.next)));
    const body = el('div', 'body');
    body.append(el('p', 'note mono', `fingerprint ${item.fingerprint} · ${item.endpoints}`));
    if (item.decision) {
      body.append(testid(el('p', '', 'Decision: ', ...markdown(item.decision)), 'decision'));
    }
    if (item.fix) {
      body.append(el('p', '', 'To fix on the candidate: ', ...rich(item.fix.candidate), '.'));
      body.append(el('p', '', 'Or on the baseline: ', ...rich(item.fix.baseline), '.'));
      if (item.fix.rule) {
        body.append(el('p', '', 'Or declare them equivalent: ', el('code', '', item.fix.rule)));
      }
    }
    if (!item.reach.startsWith('0 ')) {
      const show = el('button', '', 'show its cases');
      show.type = 'button';
      show.addEventListener('click', () => {
        state.cause = item.fingerprint;
        causeSelect.value = item.fingerprint;
        apply();
        document.getElementById('cases')?.scrollIntoView();
      });
      body.append(show);
    }
    const node = el('details', `cause s-${item.status}`, summary, body);
    node.setAttribute('data-cause', item.fingerprint);
    return node;
  }

  function decisions(): HTMLElement {
    const box = testid(el('section', ''), 'decisions');
    box.append(section('Decisions'), el('p', 'headline', data.decisions.headline));
    for (const item of data.decisions.items) box.append(causeNode(item));
    return box;
  }

  const kindSelect = select(
    'kind',
    'kinds',
    distinct((r) => r.kind),
  );
  const shown = testid(el('span', 'note', ''), 'shown');

  function filters(): HTMLElement {
    const byEndpoint = select(
      'endpoint',
      'endpoints',
      distinct((r) => r.endpoint),
    );
    const bar = el('div', 'filters', kindSelect, byEndpoint);
    const regressions: string[] = [];
    for (const row of data.rows) {
      for (const mark of row.regressions) if (!regressions.includes(mark)) regressions.push(mark);
    }
    if (regressions.length > 0) bar.append(select('regression', 'regressions', regressions));
    const statuses: string[] = [];
    for (const row of data.rows) {
      for (const [, status] of row.rows) if (!statuses.includes(status)) statuses.push(status);
    }
    if (statuses.length > 0) bar.append(select('tracker', 'tracker statuses', statuses.sort()));
    if (data.decisions.items.length > 0) bar.append(causeSelect);
    const search = el('input', '');
    search.type = 'search';
    search.placeholder = 'search case, endpoint, summary';
    search.setAttribute('data-filter', 'text');
    search.addEventListener('input', () => {
      state.text = search.value.toLowerCase();
      apply();
    });
    bar.append(search, shown);
    return bar;
  }

  function side(label: string, status: string, ms: string, lines: SideLines): HTMLElement {
    const box = el('div', 'lines');
    for (const [text, mark] of lines.lines) box.append(el('div', mark, text));
    if (lines.cut) box.append(el('div', 'note', '… cut here; report.json has the whole body'));
    return el('div', 'side', el('div', 'head', `${label} · ${status} · ${ms}`), box);
  }

  function details(row: RowView): HTMLElement {
    const { baseline, candidate } = data;
    const body = el('div', 'body');
    for (const line of row.flow ?? []) body.append(el('p', 'note', line));
    if (row.explanation) body.append(el('p', 'explanation', ...rich(row.explanation)));
    let facts = `timings: ${baseline.name} ${row.ms[0]}, ${candidate.name} ${row.ms[1]}`;
    if (row.fingerprint) facts += ` · fingerprint ${row.fingerprint}`;
    if (row.rows.length > 0) {
      facts += ` · root causes ${row.rows.map(([id, status]) => `${id} (${status})`).join(', ')}`;
    }
    body.append(el('p', 'note mono', facts));
    if (row.diff) {
      const sides = el(
        'div',
        'sides',
        side(baseline.name, row.status[0], row.ms[0], row.diff.baseline),
        side(candidate.name, row.status[1], row.ms[1], row.diff.candidate),
      );
      body.append(el('h3', '', 'Bodies'), testid(sides, 'diff'));
    }
    if (row.changes.length > 0) {
      const changes = el('pre', 'block changes');
      for (const line of row.changes) {
        const c = line.charAt(0);
        changes.append(el('div', c === '-' ? 'del' : c === '+' ? 'add' : 'mov', line));
      }
      body.append(el('h3', '', 'Changes'), changes);
    }
    if (row.headers.length > 0) {
      const head = ['header', baseline.name, candidate.name];
      body.append(el('h3', '', 'Headers'), table(head, row.headers));
    }
    for (const e of row.expectations) body.append(el('p', 'note', `expectation not met: ${e}`));
    for (const cause of row.fixedCauses) {
      body.append(el('p', 'note', `fixed since the compared report: ${cause}`));
    }
    if (row.repro) {
      body.append(
        el('h3', '', 'Reproduce'),
        el('pre', 'block', `${row.repro[0]}\n${row.repro[1]}`),
      );
    }
    return body;
  }

  function rowNode(row: RowView): HTMLDetailsElement {
    const summary = el(
      'summary',
      '',
      el('span', 'badge', row.kind),
      el('span', 'case', row.id),
      el('span', 'endpoint', row.endpoint),
      el(
        'span',
        'mono',
        row.kind === 'skipped' ? 'not sent' : `${row.status[0]} → ${row.status[1]}`,
      ),
    );
    if (row.regression) summary.append(el('span', `badge ${row.regression}`, row.regression));
    if (row.regression !== 'fixed' && row.fixedCauses.length > 0) {
      summary.append(el('span', 'badge fixed', `fixed ${row.fixedCauses.length}`));
    }
    for (const [id, status] of row.rows) {
      summary.append(el('span', 'badge soft', `${id} ${status}`));
    }
    if (row.summary) summary.append(el('span', 'sum', ...rich(row.summary)));
    const node = el('details', `row k-${row.kind}`, summary);
    node.setAttribute('data-case', row.id);
    let built = false;
    node.addEventListener('toggle', () => {
      if (node.open && !built) {
        built = true;
        node.append(details(row));
      }
    });
    return node;
  }

  function matches(row: RowView): boolean {
    if (state.kind && row.kind !== state.kind) return false;
    if (state.endpoint && row.endpoint !== state.endpoint) return false;
    if (state.regression && !row.regressions.includes(state.regression)) return false;
    if (state.tracker && !row.rows.some(([, status]) => status === state.tracker)) return false;
    if (state.cause && !row.causes.includes(state.cause)) return false;
    if (!state.text) return true;
    return `${row.id} ${row.endpoint} ${row.summary}`.toLowerCase().includes(state.text);
  }

  function apply(): void {
    let visible = 0;
    for (const [row, node] of rowNodes) {
      const ok = matches(row);
      node.hidden = !ok;
      if (ok) visible++;
    }
    for (const [kind, button] of kindButtons) {
      button.setAttribute('aria-pressed', String(kind === state.kind));
    }
    shown.textContent = `showing ${visible} of ${rowNodes.length}`;
  }

  // The first screen is what to decide, then the cases; the tables come last.
  const main = el('main', '');
  main.append(...interrupted(), ...regression());
  if (data.decisions.items.length > 0) main.append(decisions());
  const cases = section('Cases');
  cases.id = 'cases';
  main.append(cases);
  if (data.rows.length === 0) {
    main.append(el('div', 'empty', 'No divergences: every case is equal after normalisation.'));
  } else {
    main.append(filters());
    const list = testid(el('div', ''), 'rows');
    for (const row of data.rows) {
      const node = rowNode(row);
      rowNodes.push([row, node]);
      list.append(node);
    }
    main.append(list);
    apply();
  }
  const drawn = charts();
  main.append(section('Summary'), ...cards(), section('Root causes across runs'), drawn.across);
  main.append(section('By endpoint'), drawn.endpoints, endpoints());
  main.append(section('Latency'), drawn.latency, ...latency());
  main.append(...coverage());
  document.body.append(header(), main);
}
