/**
 * The operation an RPC request names, which is its endpoint on an API whose
 * every call goes to one path (`docs/tracker.md`, "What an endpoint is"):
 * a JSON-RPC 2.0 or 1.0 call's `method` (`{"jsonrpc":"2.0","method":
 * "eth_getBalance",…}`, or `method`, `params` and `id` together); a batch
 * of calls, the list of their methods in order (`[a,b]`); a GraphQL
 * request's `operationName`, else the first field its operation selects;
 * an XML-RPC call's `methodName` (a text body whose root is `methodCall`:
 * `<methodCall><methodName>stock.add</methodName>…`); an operation header (`X-Amz-Target: Kinesis_20131202.PutRecord`, a
 * `SOAPAction`'s last segment); a message protocol's **channel** (tracker
 * rule 49: a message, or a list of messages, whose routing member names a
 * channel, `{"channel":"/meta/connect",…}`, in a JSON body or a form's
 * `message` field, as Bayeux sends them). Undefined for any other request: a REST
 * call's endpoint stays its method and path template. Pure, but for the
 * memory that keeps one answer per request.
 */
import type { CaseRequest } from '../../contract/model/case.js';
import { isJsonObject } from '../normalise/json.js';

type OperationRequest = Pick<CaseRequest, 'headers' | 'body'>;

/** Headers whose value names the operation of the call, whatever the path. */
const OPERATION_HEADERS: ReadonlySet<string> = new Set(['x-amz-target', 'soapaction']);

/** An operation name that can sit in an endpoint: no space, no slash, not too long. */
const CLEAN_NAME = /^[A-Za-z0-9_.:$@#-]{1,80}$/;

/** The most methods of a batch named (a longer batch is named by these and `…`). */
const MAX_BATCH_NAMES = 8;

/** The largest text body read as JSON for its operation. */
const MAX_TEXT_BODY = 65_536;

const clean = (name: unknown): string | undefined =>
  typeof name === 'string' && CLEAN_NAME.test(name) ? name : undefined;

/** One JSON-RPC call's method: 2.0 (`jsonrpc`) or 1.0 (`method`, `params` and `id`). */
function rpcMethod(call: unknown): string | undefined {
  if (!isJsonObject(call) || typeof call.method !== 'string') return undefined;
  const isCall = 'jsonrpc' in call || ('params' in call && 'id' in call);
  return isCall ? clean(call.method) : undefined;
}

/** A batch's methods in order, `[a,b]`; undefined unless every element is a call. */
function batchOperation(calls: readonly unknown[]): string | undefined {
  if (calls.length === 0) return undefined;
  const names: string[] = [];
  for (const call of calls) {
    const name = rpcMethod(call);
    if (name === undefined) return undefined;
    if (names.length < MAX_BATCH_NAMES) names.push(name);
  }
  const more = calls.length > MAX_BATCH_NAMES ? ',…' : '';
  return `[${names.join(',')}${more}]`;
}

/**
 * The first field a GraphQL document's operation selects (`query Q { user(id: 1)
 * { … } }` → `user`; an alias `me: user` → `user`), prefixed by its kind
 * when it is no query (`mutation:createUser`). Undefined for a document that
 * opens with a fragment or is not read so simply.
 */
function firstField(document: string): string | undefined {
  const text = document.replace(/#[^\n]*/g, ' ');
  const head =
    /^\s*(?:(query|mutation|subscription)\b[^{]*)?\{\s*(?:[A-Za-z_]\w*\s*:\s*)?([A-Za-z_]\w*)/.exec(
      text,
    );
  if (head === null) return undefined;
  const [, kind, field] = head;
  if (field === undefined) return undefined;
  return kind === undefined || kind === 'query' ? field : `${kind}:${field}`;
}

function graphqlOperation(body: Record<string, unknown>): string | undefined {
  if (typeof body.query !== 'string') return undefined;
  return clean(body.operationName) ?? firstField(body.query);
}

/**
 * Members of a message whose value, when it is a channel name, says where the
 * message goes on a protocol whose every message is sent to one path (Bayeux's
 * `channel`; a `topic`, `destination`, `subject`, `route`, `op`, `action` or
 * `operation` of another envelope).
 */
const ROUTING_MEMBERS: readonly string[] = [
  'channel',
  'topic',
  'destination',
  'subject',
  'route',
  'op',
  'action',
  'operation',
];

/**
 * A channel name: one or more `/`-led segments of name characters
 * (`/meta/handshake`, `/chat/room-1`, `/alerts/*`), 80 characters at most.
 * A value without its leading `/` (`news`) names no channel: the protocol
 * refuses it, and it is read as naming nothing.
 */
const CHANNEL = /^(?:\/[A-Za-z0-9_.:$@#*~-]+)+$/;

/** The channel one message names by its first routing member that holds one. */
function messageChannel(message: unknown): string | undefined {
  if (!isJsonObject(message)) return undefined;
  for (const member of ROUTING_MEMBERS) {
    const value = message[member];
    if (typeof value === 'string' && value.length <= 80 && CHANNEL.test(value)) return value;
  }
  return undefined;
}

/**
 * The channels a message or a list of messages names (tracker rule 49): the
 * message's channel, or the list's channels in order, each once (one
 * channel alone, else `[/a,/b]`); undefined unless every message names one.
 */
function messageOperation(value: unknown): string | undefined {
  const messages = Array.isArray(value) ? value : [value];
  if (messages.length === 0) return undefined;
  const channels: string[] = [];
  for (const message of messages) {
    const channel = messageChannel(message);
    if (channel === undefined) return undefined;
    if (!channels.includes(channel) && channels.length < MAX_BATCH_NAMES) channels.push(channel);
  }
  return channels.length === 1 ? channels[0] : `[${channels.join(',')}]`;
}

/** True when an operation is a message protocol's channel (`/meta/connect`, `[/a,/b]`; rule 49). */
export function isChannelOperation(operation: string): boolean {
  return operation.startsWith('/') || operation.startsWith('[/');
}

/** The channels a channel operation names (`[/a,/b]` → `/a`, `/b`). */
export function channelsOf(operation: string): string[] {
  if (!operation.startsWith('[')) return [operation];
  return operation.slice(1, -1).split(',');
}

function jsonOperation(value: unknown): string | undefined {
  if (Array.isArray(value)) return batchOperation(value) ?? messageOperation(value);
  if (!isJsonObject(value)) return undefined;
  return rpcMethod(value) ?? graphqlOperation(value) ?? messageOperation(value);
}

/** A form body's `message` field, as Bayeux's clients send messages by form: its channels. */
function formOperation(text: string): string | undefined {
  const message = new URLSearchParams(text).get('message');
  if (message === null) return undefined;
  try {
    return messageOperation(JSON.parse(message));
  } catch {
    return undefined;
  }
}

const isForm = (headers: CaseRequest['headers']): boolean =>
  headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );

/**
 * An XML-RPC call's method: the root `methodCall` (after an XML declaration)
 * whose first child is `methodName`, its text trimmed. A call cut short
 * before `</methodName>` names none.
 */
const XML_RPC_CALL =
  /^\s*(?:<\?xml[^>]*\?>)?\s*<methodCall\s*>\s*<methodName\s*>([^<]*)<\/methodName\s*>/;

function xmlRpcOperation(text: string): string | undefined {
  const name = XML_RPC_CALL.exec(text)?.[1];
  return name === undefined ? undefined : clean(name.trim());
}

function bodyOperation(request: OperationRequest): string | undefined {
  const { body } = request;
  if (body.kind === 'json') return jsonOperation(body.value);
  if (body.kind !== 'text' || body.text.length > MAX_TEXT_BODY) return undefined;
  if (isForm(request.headers)) return formOperation(body.text);
  const first = body.text.trimStart().charAt(0);
  if (first === '<') return xmlRpcOperation(body.text);
  if (first !== '{' && first !== '[') return undefined;
  try {
    return jsonOperation(JSON.parse(body.text));
  } catch {
    return undefined;
  }
}

/** An operation header's value: `SOAPAction: "urn:x#GetQuote"` → `GetQuote`. */
function headerOperation(headers: CaseRequest['headers']): string | undefined {
  for (const [name, value] of headers) {
    if (!OPERATION_HEADERS.has(name.toLowerCase())) continue;
    const unquoted = value.trim().replace(/^"(.*)"$/, '$1');
    const last = unquoted.slice(Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('#')) + 1);
    const operation = clean(last);
    if (operation !== undefined) return operation;
  }
  return undefined;
}

/** One answer per request object: every stage that groups by endpoint asks. */
const OPERATIONS = new WeakMap<OperationRequest, string | null>();

/** The operation `request` names (see the module comment), or undefined. */
export function operationOf(request: OperationRequest): string | undefined {
  const known = OPERATIONS.get(request);
  if (known !== undefined) return known ?? undefined;
  const operation = headerOperation(request.headers) ?? bodyOperation(request);
  OPERATIONS.set(request, operation ?? null);
  return operation;
}
