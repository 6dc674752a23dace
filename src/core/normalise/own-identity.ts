/**
 * A server's own identity: values that describe the process or installation
 * that answered rather than the data (its release version, its working
 * directory or install path, its host name, its pid, its start time, its
 * uptime and memory counters). Two instances of one API each answer their
 * own, so where the two sides differ there, that is no decision, once the
 * run's evidence says so. A value is such a value when
 *
 * - **its member names what it describes** (the words of the member's name,
 *   camelCase, snake_case, kebab-case or PascalCase alike, never one server's
 *   spelling), **and both sides' values have the shape that says it**
 *   (`IDENTITY_CLASSES`): a release version (alone, or in a product token:
 *   `antietcd 1.3.1`) at a member named `version`,
 *   alone or with words that name the server itself (`serverVersion`,
 *   `build_version`; or at `number` inside one: `{"version": {"number": …}}`;
 *   a dependency's or a runtime's version, `parserVersion`, `nodeVersion`,
 *   names another thing and stays data); an
 *   absolute file system path (POSIX on both sides, or a drive letter on
 *   both) at a member named for a folder (`cwd`, `dir`, `home`, `root`,
 *   `path`, `prefix`, `install`, …); a host name (both IP addresses of one
 *   family, or both DNS names) at `host`/`hostname`; a positive integer at
 *   `pid`; a timestamp of one format at a member naming when it started
 *   (`startTime`, `started_at`, `bootTime`); a port number (1 to 65535, a
 *   number or a string of digits) at a member named for a port (`port`,
 *   `smtpPort`, `admin_port`; not a `maxPort`); a number at a member naming an
 *   uptime or a memory counter (`uptime`, `rss`, `heapUsed`, `memory`); the
 *   size of its own store (`dbSize`, `diskUsed`);
 * - **no request of the run holds either value** (path, query, header
 *   values, body of every request each side was sent): an input echoed back
 *   is data;
 * - **it is no member of a list's elements** (records are data);
 * - **each side answers one value there across the run**, wherever it shows
 *   more than once (the same pointer, array indices as `*`): a process has
 *   one version and one working directory; a list of records, each with its
 *   own `version`, is data. Counters (uptime, memory) are exempt: they change
 *   from one request to the next by nature.
 *
 * A value whose shape differs (a version against a word, a path against a
 * relative one, an IP against a name), a member one side adds or lacks, and a
 * name no class accepts stay divergences. Pure, but for the memory
 * (`createOwnIdentity`).
 */
import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { formatPointer, joinPointer } from '../../util/json-pointer.js';
import { LONGEST_SHAPED_TEXT } from '../../util/short-text.js';
import { isDigits } from '../../util/text.js';
import { isExactNumber } from '../wire/exact-number.js';
import { structuredBody } from './sequence-walk.js';

/** The words of a member's name, lower case: `heapTotal` → heap, total; `server_version` → server, version. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

const POSIX_PATH = /^\/[^\s/]+(?:\/[^\n\r\t/]+)*\/?$/;
const DRIVE_PATH = /^[A-Za-z]:[\\/][^\n\r\t]*$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+$/i;
const DNS_NAME = /^(?=.*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*$/;
const ISO_STAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A number as its text, or undefined (`ExactNumber` included). */
function numberText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isExactNumber(value)) return value.toString();
  return undefined;
}

/** One kind of identity value: which names it accepts and which shape both sides must have. */
interface IdentityClass {
  /** What the evidence calls it (`the server's own version`). */
  readonly what: string;
  /** The shape the evidence names (`a release version`). */
  readonly shape: string;
  /** Whether a member of these name words (and its parent's) names such a value. */
  named(words: readonly string[], parent: readonly string[]): boolean;
  /** The value's shape, or undefined when it has none of this class. */
  shapeOf(value: unknown): string | undefined;
  /** Values that change from request to request by nature (no one-value-per-side rule). */
  readonly counter?: boolean;
}

/**
 * Words that, beside `version`, still name the server itself (`serverVersion`,
 * `app_version`, `buildVersion`): a dependency's or a runtime's version
 * (`parserVersion`, `nodeVersion`, `apiVersion`) names another thing, whose
 * change may be a decision.
 */
const OWN_WORDS: ReadonlySet<string> = new Set([
  'server',
  'app',
  'application',
  'service',
  'build',
  'release',
  'software',
  'product',
  'daemon',
  'current',
  'running',
]);

/** A member's name that says it holds the server's own version: `version`, `serverVersion`, `build_version`. */
function ownVersionName(words: readonly string[]): boolean {
  return words.at(-1) === 'version' && words.slice(0, -1).every((w) => OWN_WORDS.has(w));
}

/**
 * The name of a call that asks a server for its own version: the operation's
 * own name (after a namespace: `web3_clientVersion` → `clientVersion`,
 * `server.version`), or a REST path's last segment (`GET /version`), whose
 * last word is `version` and whose other words name the server itself
 * (`OWN_WORDS`), ask for it (`get`), or name the node's software (`client`,
 * as peer-to-peer networks call the program a node runs). A protocol's, an
 * API's or a dependency's version (`eth_protocolVersion`, `getApiVersion`)
 * names another thing.
 */
export function versionCallName(operation: string): boolean {
  const name = operation.split(/[_.:/]/).at(-1) ?? '';
  const words = nameWords(name);
  return (
    words.at(-1) === 'version' &&
    words.slice(0, -1).every((w) => OWN_WORDS.has(w) || w === 'get' || w === 'client')
  );
}

/** A release version inside a text (`EthereumJS TestRPC/v2.13.2/ethereum-js`). */
const VERSION_IN_TEXT = /(?<![\w.])v?\d+(?:\.\d+){2,}(?:[-+][0-9A-Za-z.-]+)?(?![\w.])/;

/**
 * A version text: a release version alone, or a product token that names one
 * (`name/v1.2.3/platform`, `Server 2.9.1`), one line, at most 200 characters.
 */
export function versionText(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length <= 200 &&
    !/[\n\r]/.test(value) &&
    VERSION_IN_TEXT.test(value)
  );
}

/** Words that name the answering process or machine (`process.startTime`, `serverStartedAt`). */
const PROCESS_WORDS = [
  'process',
  'server',
  'service',
  'app',
  'application',
  'daemon',
  'instance',
  'node',
  'system',
  'runtime',
];
/** Words that make a memory figure a usage counter (`memoryUsed`, `mem_free`), not a size. */
const USAGE_WORDS = ['used', 'usage', 'free', 'available', 'allocated', 'resident', 'rss'];

const has = (words: readonly string[], ...any: string[]) => words.some((w) => any.includes(w));

/** The classes of identity values, their names and their shapes (docs/rules-and-noise.md). */
export const IDENTITY_CLASSES: readonly IdentityClass[] = [
  {
    what: "the server's own version",
    shape: 'a release version',
    named: (words, parent) =>
      ownVersionName(words) ||
      (words.length === 1 && words[0] === 'number' && ownVersionName(parent)),
    // Alone (`3.4.23`) or in a product token (`antietcd 1.3.1`, `store/v8.4.0 (linux)`).
    shapeOf: (v) => (versionText(v) ? 'version' : undefined),
  },
  {
    what: 'its working directory or install path',
    shape: 'an absolute path',
    named: (words) =>
      has(
        words,
        'cwd',
        'dir',
        'directory',
        'workdir',
        'folder',
        'home',
        'root',
        'path',
        'prefix',
        'install',
      ),
    shapeOf: (v) => {
      if (typeof v !== 'string' || v.length > 4096) return undefined;
      if (POSIX_PATH.test(v)) return 'posix path';
      return DRIVE_PATH.test(v) ? 'drive path' : undefined;
    },
  },
  {
    what: 'its host name',
    shape: 'a host name',
    named: (words) => has(words, 'host', 'hostname', 'machine'),
    shapeOf: (v) => {
      if (typeof v !== 'string' || v.length > 253) return undefined;
      if (IPV4.test(v)) return 'ipv4';
      if (v.includes(':') && IPV6.test(v)) return 'ipv6';
      return DNS_NAME.test(v) ? 'dns name' : undefined;
    },
  },
  {
    what: 'its process id',
    shape: 'a positive integer',
    named: (words) => has(words, 'pid', 'ppid') || (has(words, 'process') && has(words, 'id')),
    shapeOf: (v) => {
      const text = numberText(v);
      return text !== undefined && /^[1-9]\d{0,9}$/.test(text) ? 'integer' : undefined;
    },
  },
  {
    what: 'its start time',
    shape: 'a timestamp of one format',
    // An event's or a booking's `startTime` is data: the process (or the machine) must be named too.
    named: (words, parent) =>
      has(words, 'boot', 'booted') ||
      (has(words, 'start', 'started', 'launch', 'launched') &&
        (has(words, ...PROCESS_WORDS) || has(parent, ...PROCESS_WORDS))),
    shapeOf: (v) => {
      if (typeof v === 'string' && ISO_STAMP.test(v) && !Number.isNaN(Date.parse(v))) {
        return `stamp ${v.replace(/\d/g, '9')}`;
      }
      const text = numberText(v);
      return text !== undefined && /^\d{9,13}(?:\.\d+)?$/.test(text)
        ? `epoch ${text.replace(/\d/g, '9')}`
        : undefined;
    },
  },
  {
    what: 'its own port',
    shape: 'a port number',
    // A limit or a count of ports is a setting, not the port the process listens on.
    named: (words) =>
      words.at(-1) === 'port' && !has(words, 'max', 'min', 'limit', 'count', 'default'),
    // A number or a string of digits alike: the type is a question of its own (a type row).
    shapeOf: (v) => {
      const text = numberText(v) ?? (typeof v === 'string' ? v : undefined);
      if (text === undefined || !/^[1-9]\d{0,4}$/.test(text)) return undefined;
      return Number(text) <= 65_535 ? 'port' : undefined;
    },
  },
  {
    what: 'its uptime or memory counter',
    shape: 'a number',
    // A machine's `memory` (a size a record names) is data: memory counts only as a usage figure.
    named: (words) =>
      (has(words, 'uptime', 'rss', 'heap') ||
        (has(words, 'memory', 'mem') && has(words, ...USAGE_WORDS))) &&
      !has(words, 'limit', 'max', 'min'),
    shapeOf: (v) => {
      const text = numberText(v);
      if (text === undefined || text.startsWith('-')) return undefined;
      return text.includes('.') || text.includes('e') ? 'fraction' : 'integer';
    },
    counter: true,
  },
  {
    what: 'the size of its own store',
    shape: 'a number',
    // A database's size (`dbSize`, `database_bytes`) or a disk's usage (`diskUsed`): the engine's
    // own file or memory; a disk's or a storage's size alone is a record's (a volume's) data.
    named: (words) =>
      ((has(words, 'db', 'database') && has(words, 'size', 'bytes')) ||
        (has(words, 'disk', 'storage') && has(words, ...USAGE_WORDS))) &&
      !has(words, 'limit', 'max', 'min', 'quota'),
    // A number or a string of digits alike (protobuf's JSON writes 64-bit sizes as strings).
    shapeOf: (v) => {
      const text = numberText(v) ?? (typeof v === 'string' ? v : undefined);
      return text !== undefined && /^\d+$/.test(text) ? 'integer' : undefined;
    },
    counter: true,
  },
];

/** The pointer's segments, unescaped (`/a~1b/0` → `a/b`, `0`). */
function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The member a pointer ends at and its parent member, array indices skipped.
 * A name longer than any shape parity reads (`util/short-text.ts`) names no
 * identity value: splitting a 6 MB key into its words cost seconds per answer.
 */
function membersAt(pointer: string): { name: string; parent: string } | undefined {
  const names = segmentsOf(pointer).filter((s) => !/^\d+$/.test(s));
  const name = names.at(-1);
  if (name === undefined || name.length > LONGEST_SHAPED_TEXT) return undefined;
  const parent = names.at(-2) ?? '';
  return { name, parent: parent.length > LONGEST_SHAPED_TEXT ? '' : parent };
}

/** `pointer` with array indices as `*`: one place of the run. */
function placeOf(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** The class whose names and shape both values fit, or undefined. */
export function identityClassOf(
  pointer: string,
  baseline: unknown,
  candidate: unknown,
): IdentityClass | undefined {
  const at = membersAt(pointer);
  // A process describes itself once: a member of a list's elements belongs to records (data).
  if (at === undefined || placeOf(pointer).includes('/*')) return undefined;
  const words = nameWords(at.name);
  const parent = nameWords(at.parent);
  return IDENTITY_CLASSES.find((c) => {
    if (!c.named(words, parent)) return false;
    const shape = c.shapeOf(baseline);
    return shape !== undefined && shape === c.shapeOf(candidate);
  });
}

/** Everything a request says: path, query, header values and body, as one text. */
export function requestText(request: CaseRequest): string {
  const { body } = request;
  const text =
    body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'text' ? body.text : '';
  const { query, headers } = request;
  // Most requests name no query and no header of their own: no list to join for them.
  const pairs =
    query.length + headers.length === 0
      ? ''
      : [...query, ...headers].map(([k, v]) => `${k}=${v}`).join(' ');
  return `${request.path} ${pairs} ${text}`;
}

/** The most request text a run remembers; past it no value is proven absent from the requests. */
const MAX_REQUEST_TEXT = 16 * 1024 * 1024;
/** The most places remembered, and values per place and side. */
const MAX_PLACES = 10_000;
const MAX_VALUES = 4;
/** The most members walked in one answer. */
const MAX_MEMBERS = 20_000;

/** What the run's memory says about one place's values. */
export interface OwnIdentity {
  /**
   * Remembers one exchange's requests and each side's values at places an
   * identity class names; from two answers alike, both sides' values (one
   * body decoded once is walked once): the evidence that a place holds one
   * value per side comes from equal answers too.
   */
  add(exchange: Exchange): void;
  /**
   * The evidence that `baseline` and `candidate`, differing at `pointer`, are
   * each side's own identity (once every answer is in), or undefined.
   */
  evidenceOf(pointer: string, baseline: unknown, candidate: unknown): string | undefined;
  /** Whether a request of the run holds `value` (an input echoed back is data). */
  asked(value: unknown): boolean;
}

const keyText = (value: unknown): string => numberText(value) ?? JSON.stringify(value) ?? '';

export function createOwnIdentity(): OwnIdentity {
  const requests: string[] = [];
  let requestSize = 0;
  let overflow = false;
  /** By place: each side's distinct values (as text) and how many answers showed it. */
  const places = new Map<string, { sides: [Set<string>, Set<string>]; seen: [number, number] }>();

  /** By parent, then name: the classes whose names the member fits (most answers repeat a few names). */
  const namedBy = new Map<string, Map<string, readonly IdentityClass[]>>();
  let named = 0;
  const classesNaming = (name: string, parent: string): readonly IdentityClass[] => {
    let byName = namedBy.get(parent);
    let found = byName?.get(name);
    if (found === undefined) {
      const words = nameWords(name);
      const parentWords = nameWords(parent);
      found = IDENTITY_CLASSES.filter((c) => c.named(words, parentWords));
      if (named < MAX_PLACES) {
        named++;
        if (byName === undefined) {
          byName = new Map();
          namedBy.set(parent, byName);
        }
        byName.set(name, found);
      }
    }
    return found;
  };

  /**
   * Each member of `object` (at the members `path` names, itself member `name`
   * of its parent) whose name and value an identity class accepts, as shown by
   * `sides` (both for one body both sides answered). Lists and members named by
   * digits are never walked: their elements are records (`identityClassOf`).
   * The pointer is written only for a member a class accepts (few are).
   */
  const remember = (
    object: Record<string, unknown>,
    path: string[],
    name: string,
    sides: readonly (0 | 1)[],
    budget: { left: number },
  ) => {
    const parent = name.length > LONGEST_SHAPED_TEXT ? '' : name;
    // `for…in`, not `Object.entries`: every answer is walked (equal ones too), and an
    // array per member was most of the walk's cost. A parsed body has only own members.
    for (const key in object) {
      if (budget.left-- <= 0) return;
      const value = object[key];
      if (Array.isArray(value) || isDigits(key)) continue;
      if (value !== null && typeof value === 'object' && !isExactNumber(value)) {
        path.push(key);
        remember(value as Record<string, unknown>, path, key, sides, budget);
        path.pop();
        continue;
      }
      if (key === '' || key.length > LONGEST_SHAPED_TEXT) continue;
      const classes = classesNaming(key, parent);
      if (classes.length === 0 || !classes.some((c) => c.shapeOf(value) !== undefined)) continue;
      const place = joinPointer(formatPointer(path), key);
      let entry = places.get(place);
      if (entry === undefined) {
        if (places.size >= MAX_PLACES) continue;
        entry = { sides: [new Set(), new Set()], seen: [0, 0] };
        places.set(place, entry);
      }
      for (const side of sides) {
        entry.seen[side]++;
        if (entry.sides[side].size < MAX_VALUES) entry.sides[side].add(keyText(value));
      }
    }
  };

  const inRequests = (value: unknown): boolean => {
    const number = numberText(value) !== undefined;
    const text = typeof value === 'string' ? value : keyText(value);
    if (text === '') return false;
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = number ? new RegExp(`(?<![\\d.])${escaped}(?![\\d.])`) : undefined;
    const inJson = JSON.stringify(text).slice(1, -1);
    return requests.some((r) =>
      pattern === undefined ? r.includes(text) || r.includes(inJson) : pattern.test(r),
    );
  };

  return {
    add(exchange) {
      const baseline = exchange.flow?.requests.baseline ?? exchange.case.request;
      const candidate = exchange.flow?.requests.candidate ?? exchange.case.request;
      for (const request of baseline === candidate ? [baseline] : [baseline, candidate]) {
        if (overflow) break;
        const text = requestText(request);
        requestSize += text.length;
        if (requestSize > MAX_REQUEST_TEXT) overflow = true;
        else requests.push(text);
      }
      const left = structuredBody(exchange.baseline)?.value;
      const right = structuredBody(exchange.candidate)?.value;
      // One value both sides answered (the same bytes are decoded once) is walked once, for both.
      const walks: [unknown, readonly (0 | 1)[]][] =
        left === right && left !== undefined
          ? [[left, [0, 1]]]
          : [
              [left, [0]],
              [right, [1]],
            ];
      for (const [value, sides] of walks) {
        // A body that is a list holds records: no member of it is the server's own.
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        if (isExactNumber(value)) continue;
        remember(value as Record<string, unknown>, [], '', sides, { left: MAX_MEMBERS });
      }
    },
    asked: (value) => overflow || inRequests(value),
    evidenceOf(pointer, baseline, candidate) {
      if (overflow || keyText(baseline) === keyText(candidate)) return undefined;
      const found = identityClassOf(pointer, baseline, candidate);
      if (found === undefined) return undefined;
      if (inRequests(baseline) || inRequests(candidate)) return undefined;
      const entry = places.get(placeOf(pointer));
      if (entry === undefined) return undefined;
      const [mine, theirs] = entry.sides;
      if (!mine.has(keyText(baseline)) || !theirs.has(keyText(candidate))) return undefined;
      const seen = Math.max(...entry.seen);
      const changed = mine.size > 1 || theirs.size > 1;
      // A process has one version, one folder, one pid: a place that changes on one side is data, but for counters.
      if (changed && found.counter !== true) return undefined;
      const across = changed
        ? 'a counter that changed between answers of one side'
        : seen > 1
          ? `one value per side in ${seen} answers`
          : 'shown once';
      return `${found.what}: ${found.shape} on both sides, in no request of the run, ${across}`;
    },
  };
}
