/**
 * RPC-style endpoints of a library: a path the library sends `POST`s to that
 * name their operation in a header (`X-Amz-Target: Kinesis.PutRecord`,
 * `SOAPAction`): two `POST`s to that path with two values of one header that
 * is not about the body or the caller (`content-type`, `accept…`,
 * `authorization`, `x-amz-date`…). Every call of such an API is a `POST`,
 * reads included, and each answer holds what that call drew (a sequence
 * number, an iterator): the run takes an accepted `POST` there as a write
 * (`core/normalise/generated.ts`, `wrote`). Elsewhere a `POST` may only read
 * (a query, a search, a bulk get) and is a write only where its answer says
 * it made something.
 *
 * A path may name its operation too: a custom method (`POST
 * /v1/accounts:signUp`, `POST /v1/accounts:lookup`, as Google's APIs write
 * them: AIP-136) names the operation after a colon in its last segment. Two
 * `POST`s naming two operations on one collection (`accounts`, under any
 * parent: `/v1/projects/p/accounts:query` too) make every such path of that
 * collection RPC-style. Pure, but for the memory the scan keeps.
 */
import type { CaseRequest } from '../../contract/model/case.js';

/**
 * Headers that say how a request is sent, not which operation it is: about
 * the body, the caller, the cache, or this one request (an id drawn for it,
 * its trace, its idempotency key, its preferences), which a library may well
 * send with a value per request.
 */
const NOT_AN_OPERATION =
  /^(?:content-|accept|authorization$|cookie$|user-agent$|date$|x-amz-date$|x-amz-content|x-amz-security-token$|x-amzn-trace-id$|x-request-id$|request-id$|x-correlation-id$|correlation-id$|x-trace-id$|traceparent$|tracestate$|b3$|x-b3-|x-cloud-trace-context$|idempotency-key$|x-idempotency-key$|prefer$|if-|cache-control$|pragma$|host$|connection$)/;

/** The most paths (and header values per path) remembered: a library of many paths is no RPC API. */
const MAX_PATHS = 1024;
const MAX_VALUES = 4;

export interface RpcPaths {
  /** One request of the library. */
  add(request: Pick<CaseRequest, 'method' | 'path' | 'headers'>): void;
  /** The paths whose `POST`s name their operation in a header. */
  paths(): ReadonlySet<string>;
}

/** A last segment that names an operation on a collection: `accounts:signUp` (a custom method). */
const CUSTOM_METHOD = /\/([^/:]+):[A-Za-z][A-Za-z0-9_]*$/;

export function createRpcPaths(): RpcPaths {
  // path → header name → values seen (up to MAX_VALUES)
  const seen = new Map<string, Map<string, Set<string>>>();
  // collection → its custom-method paths seen
  const methods = new Map<string, Set<string>>();
  const rpc = new Set<string>();
  /** Whether `path` names an operation on a collection the library calls two operations on. */
  const customMethod = (path: string): boolean => {
    const collection = CUSTOM_METHOD.exec(path)?.[1];
    if (collection === undefined) return false;
    const paths = methods.get(collection) ?? new Set<string>();
    if (paths.size === 0 && methods.size >= MAX_PATHS) return false;
    paths.add(path);
    methods.set(collection, paths);
    if (paths.size < 2) return false;
    for (const each of paths) rpc.add(each);
    return true;
  };
  return {
    add(request) {
      if (request.method !== 'POST' || rpc.has(request.path)) return;
      if (customMethod(request.path)) return;
      let headers = seen.get(request.path);
      if (headers === undefined) {
        if (seen.size >= MAX_PATHS) return;
        headers = new Map();
        seen.set(request.path, headers);
      }
      for (const [raw, value] of request.headers) {
        const name = raw.toLowerCase();
        if (NOT_AN_OPERATION.test(name)) continue;
        const values = headers.get(name) ?? new Set<string>();
        if (values.size < MAX_VALUES) values.add(value);
        headers.set(name, values);
        if (values.size >= 2) {
          rpc.add(request.path);
          seen.delete(request.path);
          return;
        }
      }
    },
    paths: () => rpc,
  };
}

/** The RPC-style paths of `requests` (see the module comment). */
export function rpcPathsOf(requests: Iterable<Pick<CaseRequest, 'method' | 'path' | 'headers'>>) {
  const scan = createRpcPaths();
  for (const request of requests) scan.add(request);
  return scan.paths();
}
