/**
 * Mutations of what surrounds the body: a path segment, the query (a value
 * replaced, emptied or repeated, a key removed or added) and the content
 * type. Query values are sent encoded (`+1` as `%2B1`), as a client would;
 * path segments are sent as written (`%2F` stays encoded). Pure.
 */
import { type Arbitrary, constantFrom, nat, tuple } from 'fast-check';
import type { Pairs } from '../../contract/model/case.js';
import { pathOfEndpoint } from '../../core/compare/endpoint.js';
import { COMMON_QUERY_KEYS, CONTENT_TYPES, PATH_SEGMENTS, QUERY_VALUES } from './catalog.js';
import { mutated } from './mutate-body.js';
import type { Mutated } from './mutations.js';
import type { Seed } from './seeds.js';

/** Query values but the empty one, which is `query-empty`'s edit (one family per edit). */
const FILLED = QUERY_VALUES.filter((value) => value !== '');

const short = (text: string) =>
  text.length > 24 ? `${text.slice(0, 12)}… (${text.length} chars)` : text;

/**
 * The segments worth mutating: those the endpoint names as ids (`/records/:id`),
 * else the last one (a fixed segment mutated mostly finds the same 404 twice).
 */
function variableSegments(seed: Seed, segments: readonly string[]): number[] {
  const template = pathOfEndpoint(seed.endpoint).split('/');
  const ids = template.flatMap((segment, i) => (segment === ':id' ? [i] : []));
  if (ids.length > 0) return ids;
  const last = segments.length - 1;
  return last > 0 && segments[last] !== '' ? [last] : [];
}

function pathMutation(seed: Seed): Arbitrary<Mutated> | undefined {
  const segments = seed.request.path.split('/');
  const indexes = variableSegments(seed, segments);
  if (indexes.length === 0) return undefined;
  return tuple(constantFrom(...indexes), constantFrom(...PATH_SEGMENTS)).map(([i, segment]) => {
    const path = segments.map((s, j) => (j === i ? segment : s)).join('/');
    return mutated(
      { ...seed.request, path },
      'path-segment',
      `path segment ${i} \`${short(segments[i] ?? '')}\` as \`${short(segment)}\``,
    );
  });
}

function queryMutations(seed: Seed): Arbitrary<Mutated>[] {
  const { query } = seed.request;
  const withQuery = (next: Pairs) => ({ ...seed.request, query: next });
  const replace = (i: number, value: string) =>
    query.map((pair, j): readonly [string, string] => (j === i ? [pair[0], value] : pair));
  const name = (i: number) => query[i]?.[0] ?? '';
  const out: Arbitrary<Mutated>[] = [];
  if (query.length > 0) {
    const pair = nat({ max: query.length - 1 });
    out.push(
      tuple(pair, constantFrom(...FILLED)).map(([i, value]) =>
        mutated(withQuery(replace(i, value)), 'query-value', `?${name(i)}=${short(value)}`),
      ),
      pair.map((i) => mutated(withQuery(replace(i, '')), 'query-empty', `?${name(i)}=`)),
      tuple(pair, constantFrom(...FILLED)).map(([i, value]) =>
        mutated(
          withQuery([...query, [name(i), value]]),
          'query-repeated',
          `?${name(i)} repeated with \`${short(value)}\``,
        ),
      ),
      pair.map((i) =>
        mutated(withQuery(query.filter((_, j) => j !== i)), 'query-missing', `?${name(i)} removed`),
      ),
    );
  }
  const sent = new Set(query.map(([key]) => key));
  const unsent = seed.queryKeys.filter((key) => !sent.has(key));
  const keys = unsent.length > 0 ? unsent : COMMON_QUERY_KEYS.filter((key) => !sent.has(key));
  if (keys.length > 0) {
    out.push(
      tuple(constantFrom(...keys), constantFrom(...QUERY_VALUES)).map(([key, value]) =>
        mutated(
          withQuery([...query, [key, value]]),
          'query-extra',
          `?${key}=${short(value)} added`,
        ),
      ),
    );
  }
  return out;
}

function contentTypeMutation(seed: Seed): Arbitrary<Mutated> | undefined {
  if (seed.request.body.kind === 'none') return undefined;
  const { headers } = seed.request;
  return constantFrom(...CONTENT_TYPES).map((type) =>
    mutated(
      {
        ...seed.request,
        headers: [...headers.filter(([name]) => name !== 'content-type'), ['content-type', type]],
      },
      'content-type',
      `content-type: ${type}`,
    ),
  );
}

/** Every path, query and content-type mutation of the seed that applies. */
export function urlMutations(seed: Seed): Arbitrary<Mutated>[] {
  return [pathMutation(seed), ...queryMutations(seed), contentTypeMutation(seed)].filter(
    (arb) => arb !== undefined,
  );
}
