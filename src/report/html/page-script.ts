/**
 * The one inline script of report.html. It reads the embedded JSON view and
 * builds the page with DOM calls; every server-provided string becomes a text
 * node (`append(string)` / `textContent`), never markup, so a body holding
 * `<script>` or `"><img onerror=…>` stays text. The page's CSP allows exactly
 * this script by hash. Plain ES2020, kept free of backticks so it can live in
 * a TypeScript string, and ASCII (other characters as `\u` escapes) so the
 * CLI bundle that holds it stays ASCII (see bin/parity.js).
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('parity-data').textContent);
  function el(tag, cls) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    for (var i = 2; i < arguments.length; i++) {
      var kid = arguments[i];
      if (kid !== null && kid !== undefined) node.append(kid);
    }
    return node;
  }
  function testid(node, id) { node.setAttribute('data-testid', id); return node; }
  function section(title) { return el('h2', '', title); }
  function table(head, rows, numeric) {
    var tr = el('tr', '');
    head.forEach(function (h, i) { tr.append(el('th', numeric && numeric[i] ? 'num' : '', h)); });
    var body = el('tbody', '');
    rows.forEach(function (row) {
      var r = el('tr', '');
      row.forEach(function (c, i) { r.append(el('td', numeric && numeric[i] ? 'num' : '', String(c))); });
      body.append(r);
    });
    return el('table', '', el('thead', '', tr), body);
  }

  var state = { kind: '', endpoint: '', regression: '', tracker: '', text: '' };
  var rowNodes = [];
  var kindButtons = [];

  function header() {
    document.title = data.title;
    var meta = 'run ' + data.runId + ' \u00b7 ' + data.startedAt + ' \u00b7 baseline ' + data.baseline.name +
      ' ' + data.baseline.url + ' \u00b7 candidate ' + data.candidate.name + ' ' + data.candidate.url;
    return el('header', '', el('h1', '', data.title), el('div', 'meta', meta));
  }

  function cards() {
    var counts = el('div', 'cards');
    data.counts.forEach(function (c) {
      var card = el('div', 'card', el('div', 'value', c[2]), el('div', 'label', c[1]));
      card.setAttribute('data-card', c[0]);
      counts.append(card);
    });
    var kinds = el('div', 'cards');
    data.kinds.forEach(function (k) {
      var button = el('button', 'card k-' + k[0], el('div', 'value', String(k[2])), el('div', 'label', k[1]));
      button.type = 'button';
      button.setAttribute('data-card', 'kind-' + k[0]);
      button.setAttribute('aria-pressed', 'false');
      button.title = 'show only ' + k[0] + ' divergences';
      button.addEventListener('click', function () {
        state.kind = state.kind === k[0] ? '' : k[0];
        kindSelect.value = state.kind;
        apply();
      });
      kindButtons.push([k[0], button]);
      kinds.append(button);
    });
    return [counts, el('div', '', ' '), kinds];
  }

  function endpoints() {
    var rows = data.endpoints.map(function (e) { return [e.endpoint, e.cases, e.divergent, e.errors, e.kinds]; });
    return testid(table(['endpoint', 'cases', 'divergent', 'errors', 'kinds'], rows, [false, true, true, true, false]), 'endpoints');
  }

  function latency() {
    var numeric = data.latency.header.map(function (_, i) { return i > 0; });
    return [el('p', 'note', data.latency.line), testid(table(data.latency.header, data.latency.rows, numeric), 'latency')];
  }

  function select(name, label, values) {
    var s = el('select', '');
    s.setAttribute('aria-label', label);
    s.setAttribute('data-filter', name);
    s.append(new Option('all ' + label, ''));
    values.forEach(function (v) { s.append(new Option(v, v)); });
    s.addEventListener('change', function () { state[name] = s.value; apply(); });
    return s;
  }
  function distinct(pick) {
    var seen = [];
    data.rows.forEach(function (r) { var v = pick(r); if (v && seen.indexOf(v) < 0) seen.push(v); });
    return seen.sort();
  }

  var kindSelect = select('kind', 'kinds', distinct(function (r) { return r.kind; }));
  var shown = testid(el('span', 'note', ''), 'shown');

  function filters() {
    var bar = el('div', 'filters', kindSelect, select('endpoint', 'endpoints', distinct(function (r) { return r.endpoint; })));
    var regressions = distinct(function (r) { return r.regression; });
    if (regressions.length > 0) bar.append(select('regression', 'regressions', regressions));
    var statuses = distinct(function (r) { return r.tracker && r.tracker.status; });
    if (statuses.length > 0) bar.append(select('tracker', 'tracker statuses', statuses));
    var search = el('input', '');
    search.type = 'search';
    search.placeholder = 'search case, endpoint, summary';
    search.setAttribute('data-filter', 'text');
    search.addEventListener('input', function () { state.text = search.value.toLowerCase(); apply(); });
    bar.append(search, shown);
    return bar;
  }

  function side(label, status, ms, lines) {
    var box = el('div', 'lines');
    lines.lines.forEach(function (line) { box.append(el('div', line[1], line[0])); });
    if (lines.cut) box.append(el('div', 'note', '\u2026 cut here; report.json has the whole body'));
    return el('div', 'side', el('div', 'head', label + ' \u00b7 ' + status + ' \u00b7 ' + ms), box);
  }

  function details(row) {
    var body = el('div', 'body');
    if (row.explanation) body.append(el('p', 'explanation', row.explanation));
    var facts = 'timings: ' + data.baseline.name + ' ' + row.ms[0] + ', ' + data.candidate.name + ' ' + row.ms[1];
    if (row.fingerprint) facts += ' \u00b7 fingerprint ' + row.fingerprint;
    if (row.tracker) facts += ' \u00b7 tracker ' + row.tracker.id + ' (' + row.tracker.status + ')';
    body.append(el('p', 'note mono', facts));
    if (row.diff) {
      body.append(el('h3', '', 'Bodies'), testid(el('div', 'sides',
        side(data.baseline.name, row.status[0], row.ms[0], row.diff.baseline),
        side(data.candidate.name, row.status[1], row.ms[1], row.diff.candidate)), 'diff'));
    }
    if (row.changes.length > 0) {
      var changes = el('pre', 'block changes');
      row.changes.forEach(function (line) {
        var c = line.charAt(0);
        changes.append(el('div', c === '-' ? 'del' : c === '+' ? 'add' : 'mov', line));
      });
      body.append(el('h3', '', 'Changes'), changes);
    }
    if (row.headers.length > 0) {
      body.append(el('h3', '', 'Headers'), table(['header', data.baseline.name, data.candidate.name], row.headers));
    }
    row.expectations.forEach(function (e) { body.append(el('p', 'note', 'expectation not met: ' + e)); });
    if (row.repro) {
      body.append(el('h3', '', 'Reproduce'), el('pre', 'block', row.repro[0] + '\n' + row.repro[1]));
    }
    return body;
  }

  function rowNode(row) {
    var summary = el('summary', '',
      el('span', 'badge', row.kind),
      el('span', 'case', row.id),
      el('span', 'endpoint', row.endpoint),
      el('span', 'mono', row.status[0] + ' \u2192 ' + row.status[1]));
    if (row.regression) summary.append(el('span', 'badge ' + row.regression, row.regression));
    if (row.tracker) summary.append(el('span', 'badge soft', row.tracker.id + ' ' + row.tracker.status));
    if (row.summary) summary.append(el('span', 'sum', row.summary));
    var node = el('details', 'row k-' + row.kind, summary);
    node.setAttribute('data-case', row.id);
    var built = false;
    node.addEventListener('toggle', function () {
      if (node.open && !built) { built = true; node.append(details(row)); }
    });
    return node;
  }

  function matches(row) {
    if (state.kind && row.kind !== state.kind) return false;
    if (state.endpoint && row.endpoint !== state.endpoint) return false;
    if (state.regression && row.regression !== state.regression) return false;
    if (state.tracker && !(row.tracker && row.tracker.status === state.tracker)) return false;
    if (state.text) {
      var hay = (row.id + ' ' + row.endpoint + ' ' + row.summary).toLowerCase();
      if (hay.indexOf(state.text) < 0) return false;
    }
    return true;
  }

  function apply() {
    var visible = 0;
    rowNodes.forEach(function (pair) {
      var ok = matches(pair[0]);
      pair[1].hidden = !ok;
      if (ok) visible++;
    });
    kindButtons.forEach(function (pair) { pair[1].setAttribute('aria-pressed', String(pair[0] === state.kind)); });
    shown.textContent = 'showing ' + visible + ' of ' + rowNodes.length;
  }

  var main = el('main', '');
  main.append(section('Summary'));
  cards().forEach(function (n) { main.append(n); });
  main.append(section('By endpoint'), endpoints(), section('Latency'));
  latency().forEach(function (n) { main.append(n); });
  main.append(section('Divergences'));
  if (data.rows.length === 0) {
    main.append(el('div', 'empty', 'No divergences: every case is equal after normalisation.'));
  } else {
    main.append(filters());
    var list = testid(el('div', ''), 'rows');
    data.rows.forEach(function (row) { var node = rowNode(row); rowNodes.push([row, node]); list.append(node); });
    main.append(list);
    apply();
  }
  document.body.append(header(), main);
})();
`;
