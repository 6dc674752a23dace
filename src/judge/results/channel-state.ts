/**
 * Where a write's state shows on a message protocol (tracker rule 49). Every
 * message of such a protocol is sent to one path (Bayeux's `POST /bayeux`),
 * and the channel it names is what it addresses (`core/compare/operation.ts`:
 * `POST /bayeux /meta/custom`). A later answer on that path follows from a
 * write accepted on one side only where it addresses **the same channel**
 * (or one above or below it: `/chat` and `/chat/room-1`; `*` and `**`
 * segments match any): a publish to `/news` refused on one side shows in a
 * later read of `/news`, not in a message to another channel, nor in one
 * that names none. Elsewhere the collections decide, as before (one
 * collection a prefix of the other; every operation of an RPC path is one
 * collection). Pure.
 */
import { collectionOf, operationOfEndpoint, pathOfEndpoint } from '../../core/compare/endpoint.js';
import { channelsOf, isChannelOperation } from '../../core/compare/operation.js';

/** True when one list of segments is a prefix of the other. */
export function prefixRelated(
  a: readonly string[],
  b: readonly string[],
  same: (x: string, y: string) => boolean = (x, y) => x === y,
): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  return shorter.every((segment, k) => same(segment, longer[k] ?? ''));
}

const wildcard = (segment: string) => segment === '*' || segment === '**';

const segmentsOf = (channel: string) => channel.split('/').filter((s) => s !== '');

/** True when two channels are one, or one lies under the other (wildcards match any segment). */
function channelsRelated(a: string, b: string): boolean {
  return prefixRelated(
    segmentsOf(a),
    segmentsOf(b),
    (x, y) => x === y || wildcard(x) || wildcard(y),
  );
}

/** The channels an endpoint's message names, or undefined for an endpoint of no channel. */
function channelsOfEndpoint(endpoint: string): string[] | undefined {
  const operation = operationOfEndpoint(endpoint);
  return operation !== undefined && isChannelOperation(operation)
    ? channelsOf(operation)
    : undefined;
}

/**
 * True when a later answer on `later` can show the state a write on
 * `written` left (see the module comment).
 */
export function showsWrittenState(written: string, later: string): boolean {
  const writtenChannels = channelsOfEndpoint(written);
  const laterChannels = channelsOfEndpoint(later);
  if (writtenChannels === undefined && laterChannels === undefined) {
    return prefixRelated(collectionOf(written), collectionOf(later));
  }
  if (writtenChannels === undefined || laterChannels === undefined) return false;
  if (pathOfEndpoint(written) !== pathOfEndpoint(later)) return false;
  return writtenChannels.some((w) => laterChannels.some((l) => channelsRelated(w, l)));
}
