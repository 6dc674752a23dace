/**
 * A flow step's repro: a short POSIX shell script that replays the flow up to
 * the step against one target, its captures included. Each earlier step is a
 * curl command that keeps the answer's head and body in a temporary folder;
 * each capture is read from them by a few lines of node (a JSON pointer, a
 * header, a regular expression over the text: the capture's own source) into
 * a shell variable; the step itself is the usual repro line, printing the
 * answer. A captured value goes where its `{{name}}` is, in the form that
 * place gives it in the run (`FORMS`: as captured in a header, escaped in the
 * path, encoded in the query, a whole JSON value as JSON), so the request the
 * script sends is the one parity sent. An XPath capture has no script form: the repro is then
 * undefined and the step's own line stands. Checked by running the script
 * against real servers (test/e2e/flow-repro.test.ts). Pure.
 */

import type {
  Captured,
  CaptureSpec,
  CaseRequest,
  FlowStep,
  Target,
} from '../../contract/model/case.js';
import { bindRequest } from '../flow/bind.js';
import type { Redactor } from '../redact/redact.js';
import { ExactNumber } from '../wire/exact-number.js';
import { curlCommand, shellQuote } from './curl.js';
import { type PlannedRequest, planOf } from './plan.js';

/** The folder the answers are kept in, as the script's curl words name it. */
const DIR = '"$d"';

/**
 * Reads one capture from the answer kept in the folder (argv: folder, source
 * kind, pointer or header name, regex, group, the form's letter: `FORMS`).
 * Written without single quotes: it is one single-quoted shell word. It is
 * text of the script (run by the user's node), not code parity runs.
 */
const CAPTURE_JS = [
  'const f=require("fs"),{argv,exit,stdout,stderr}=require("process"),[d,k,a,r,g,j]=argv.slice(1);let v;',
  'const fail=m=>{stderr.write("capture: "+m+"\\n");exit(1)};',
  'if(k==="header"){for(const l of f.readFileSync(d+"/h","latin1").split(/\\r?\\n/)){const i=l.indexOf(":");if(i>0&&l.slice(0,i).trim().toLowerCase()===a)v=l.slice(i+1).trim()}}',
  'else{v=f.readFileSync(d+"/b","utf8");if(k==="json"){v=JSON.parse(v);for(const p of a.split("/").slice(1))v=v==null?undefined:v[p.replace(/~1/g,"/").replace(/~0/g,"~")]}}',
  'if(v===undefined)fail("nothing at "+k+" "+a);',
  'if(r){const m=new RegExp(r).exec(typeof v==="string"?v:JSON.stringify(v));if(!m)fail("/"+r+"/ does not match");v=m[g===""?(m.length>1?1:0):Number(g)]}',
  // The value in the form its place takes (`FORMS`): as text, as JSON, escaped in a path, a query, a JSON string.
  'const s=typeof v==="string"?v:JSON.stringify(v);',
  'const e=t=>t.replace(/[^\\x21\\x22\\x24-\\x7e]/gu,c=>[...Buffer.from(c)].map(b=>"%"+b.toString(16).toUpperCase().padStart(2,"0")).join(""));',
  'const o=t=>{if(t.startsWith("/")&&!t.startsWith("//"))return t;try{const u=new URL(t,"http://parity.invalid/");return u.pathname+u.search}catch{return "/"+t}};',
  'stdout.write(j==="j"?JSON.stringify(v):j==="q"?new URLSearchParams([["",s]]).toString().slice(1):j==="u"?encodeURIComponent(s)',
  ':j==="p"?e(s):j==="o"?e(o(s)):j==="r"?e(o(s))+(o(s).includes("?")?"&":"?"):j==="s"?JSON.stringify(s).slice(1,-1):j==="t"?s:Buffer.from(s,"latin1"))',
].join('');

/** Markers a captured value's place is written as, then replaced by its shell variable. */
const textMark = (i: number) => `~PARITYVAR${i}T~`;
const jsonMark = (i: number) => `~PARITYVAR${i}J~`;
const MARK = /~PARITYVAR(\d+)([TJHPORQUS])~/g;

/**
 * The forms a captured value takes, by the letter of its marker: `H` a
 * header value (its characters as bytes, as a header is sent: Latin-1), `T`
 * as captured (a text body, UTF-8), `J` a whole JSON value, `P` escaped as a
 * request target escapes it (the path), `Q` form-encoded (a `query:` pair),
 * `U` percent-encoded (a query written in the path), `S` inside a JSON string,
 * `O` a path that starts with the value (a captured `Location`: an absolute
 * URL gives its path and query), `R` the same followed by the step's own
 * query (joined with `&` when the value brought a `?`).
 * Each is what `core/flow/bind.ts` does to the value in that place; the script's
 * node reads the capture in that form (`CAPTURE_JS`).
 */
const FORMS = {
  H: { suffix: '', arg: '' },
  T: { suffix: '_text', arg: 't' },
  J: { suffix: '_json', arg: 'j' },
  P: { suffix: '_path', arg: 'p' },
  O: { suffix: '_target', arg: 'o' },
  R: { suffix: '_target_q', arg: 'r' },
  Q: { suffix: '_query', arg: 'q' },
  U: { suffix: '_uri', arg: 'u' },
  S: { suffix: '_str', arg: 's' },
} as const;
type Form = keyof typeof FORMS;

function isForm(letter: string): letter is Form {
  return Object.hasOwn(FORMS, letter);
}

/**
 * The request's text markers where bind left them in another form: in a
 * header value (`H`), at the start of a path made from a value (`O`), in the
 * path (`P`), in a query's pairs (form-encoded, so `~` is `%7E`: `Q`), in a
 * query written in the path (`U`), inside a JSON body's strings (`S`).
 */
function placedMarks(plan: PlannedRequest, request: CaseRequest): PlannedRequest {
  const at = plan.pathAndQuery.indexOf('?');
  const whole = at === -1 ? plan.pathAndQuery : plan.pathAndQuery.slice(0, at);
  const query = at === -1 ? '' : plan.pathAndQuery.slice(at);
  const text = /~PARITYVAR(\d+)T~/g;
  // A path that starts with a value is the value's own path (`core/flow/bind.ts` `originForm`).
  const leading = /^\/~PARITYVAR(\d+)T~/;
  const fromValue = request.path.startsWith('{{') && leading.test(whole);
  // The whole path a value: the query that follows joins the one the value may bring.
  const joined = fromValue && whole.replace(leading, '') === '' && query !== '';
  const path = fromValue
    ? whole.replace(leading, joined ? '~PARITYVAR$1R~' : '~PARITYVAR$1O~')
    : whole;
  const rest = joined ? query.slice(1) : query;
  const jsonBody = request.body.kind === 'json';
  const pathAndQuery =
    path.replace(text, '~PARITYVAR$1P~') +
    rest.replace(/%7EPARITYVAR(\d+)T%7E/gi, '~PARITYVAR$1Q~').replace(text, '~PARITYVAR$1U~');
  const body =
    jsonBody && typeof plan.body === 'string'
      ? plan.body.replace(text, '~PARITYVAR$1S~')
      : plan.body;
  const headers = plan.headers.map(
    ([name, value]) => [name, value.replace(text, '~PARITYVAR$1H~')] as const,
  );
  return { ...plan, pathAndQuery, headers, body };
}

/**
 * The repro's redactor, but a secret header (`Authorization`, `Cookie`) whose
 * value is variables (captured ones, `${env:…}` ones) and at most a scheme
 * word or cookie names (`Bearer {{token}}`, `Basic ${env:CRED}`,
 * `sid={{sid}}`) is shown: the script holds the variables, never their
 * values. Any other value of such a header stays redacted.
 */
function scriptRedactor(redact: Redactor): Redactor {
  const ENV = /\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/g;
  const header = (name: string, value: string): string => {
    if (!redact.isSecretHeader(name)) return redact.header(name, value);
    const shown = redact.text(value);
    const rest = shown.replace(MARK, '').replace(ENV, '');
    const onlyVariables =
      rest !== shown && /^(\s*[A-Za-z-]*\s*|([A-Za-z0-9_.-]+=;?\s*)+)$/.test(rest);
    return onlyVariables ? shown : redact.header(name, value);
  };
  return { ...redact, header };
}

/** A shell variable name for a flow variable in one form (`token`, its JSON form `token_json`, …). */
function shellName(name: string, form: Form): string {
  return `${name}${FORMS[form].suffix}`;
}

/** The capture's arguments to the extractor. */
function captureArgs(spec: CaptureSpec): string[] | undefined {
  const { source } = spec;
  const regex = spec.regex?.source ?? '';
  const group = spec.group === undefined ? '' : String(spec.group);
  switch (source.kind) {
    case 'json':
      return ['json', source.pointer, regex, group];
    case 'header':
      return ['header', source.name, regex, group];
    case 'body':
      return ['body', '', regex, group];
    case 'xpath':
      return undefined;
    default: {
      const never: never = source;
      return never;
    }
  }
}

/**
 * One curl command for `request` bound to markers, with each marker replaced
 * by its shell variable. A marker sits in a single-quoted word (`~` is never
 * left unquoted), so `'"$name"'` splices the variable in.
 */
function command(
  request: CaseRequest,
  vars: ReadonlyMap<string, Captured>,
  target: Target,
  redact: Redactor,
  names: readonly string[],
  save: boolean,
  used: Set<string>,
): string {
  const plan = placedMarks(planOf(bindRequest(request, vars)), request);
  const line = curlCommand(plan, target, scriptRedactor(redact), undefined, save ? DIR : undefined);
  return line.replace(MARK, (_, index: string, letter: string) => {
    const name = shellName(names[Number(index)] ?? '', isForm(letter) ? letter : 'T');
    used.add(name);
    return `'"$${name}"'`;
  });
}

/**
 * The script that replays `step`'s flow up to it on `target`, ending with
 * the step's own request as sent there; undefined for the flow's first step
 * or when a capture has no script form.
 */
export function flowScript(
  flow: FlowStep,
  request: CaseRequest,
  target: Target,
  redact: Redactor,
): string | undefined {
  const before = flow.before ?? [];
  if (before.length === 0) return undefined;
  const names: string[] = [];
  const vars = new Map<string, Captured>();
  const lines: string[] = [];
  const used = new Set<string>();
  const captures: { name: string; args: string[] }[][] = [];
  for (const step of before) {
    const each: { name: string; args: string[] }[] = [];
    for (const spec of step.captures) {
      const args = captureArgs(spec);
      if (args === undefined) return undefined;
      each.push({ name: spec.name, args });
    }
    captures.push(each);
  }
  before.forEach((step, i) => {
    lines.push(command(step.request, vars, target, redact, names, true, used));
    for (const { name, args } of captures[i] ?? []) {
      const index = names.push(name) - 1;
      vars.set(name, { value: new ExactNumber(jsonMark(index)), text: textMark(index) });
      const words = args.map(shellQuote).map((w) => (w === '' ? "''" : w));
      for (const form of Object.keys(FORMS).filter(isForm)) {
        const arg = FORMS[form].arg;
        lines.push(
          `${shellName(name, form)}=$(cap ${words.join(' ')}${arg === '' ? '' : ` ${arg}`})`,
        );
      }
    }
  });
  const last = command(request, vars, target, redact, names, false, used);
  // Only the forms of a value some request uses are kept.
  const kept = lines.filter((line) => {
    const assigned = /^([A-Za-z_][A-Za-z0-9_]*)=\$\(cap /.exec(line)?.[1];
    return assigned === undefined || used.has(assigned);
  });
  // In a subshell: pasted into a terminal, a step that fails (set -e) ends the script, not the shell.
  return [
    `# replays flow ${flow.id} up to step "${flow.step}" on ${target.name}: earlier steps, their captures read by node, then the step (needs curl and node)`,
    '(set -e; d=$(mktemp -d); trap \'rm -rf "$d"\' EXIT',
    `cap() { node -e '${CAPTURE_JS}' "$d" "$@"; }`,
    ...kept,
    last,
    ')',
  ]
    .join('\n')
    .replaceAll(/'"\$([A-Za-z0-9_]+)"''(?=\s|$)/g, `'"$$$1"`);
}
