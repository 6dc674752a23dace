/**
 * The digests of a body the two sides answered differently: a registry
 * serves each side's own tarball under one version, and the package
 * document lists each tarball's `shasum` and `integrity`. The digests
 * differ because the bytes do: one cause, the body's (`consequences.ts`,
 * `digestConsequencesOf`).
 *
 * Only a body that differs is hashed, and only once, as the run takes its
 * answer (`engine/run/run-intake.ts`): a binary body whose bytes differ (its sha256
 * is known already) or a text body whose text differs. Each side's body gets
 * its sha1, sha256 and sha512, in hex and in base64 (an SRI value,
 * `sha512-…`, is the base64 with the algorithm's name). An equal body costs
 * nothing. Pure but for the hashing.
 */
import { createHash } from 'node:crypto';
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import { LONGEST_SHAPED_TEXT } from '../../util/short-text.js';

/** Each side's body digests, hex in lower case and base64, one set per side. */
export interface BodyDigests {
  readonly baseline: ReadonlySet<string>;
  readonly candidate: ReadonlySet<string>;
}

const ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;

function digestsOf(bytes: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (const algorithm of ALGORITHMS) {
    const digest = createHash(algorithm).update(bytes).digest();
    out.add(digest.toString('hex'));
    out.add(digest.toString('base64'));
  }
  return out;
}

function bodyOf(side: SideOutcome): ResponseBody | undefined {
  return side.outcome === 'response' ? side.response.body : undefined;
}

/** Each side's bytes when the two bodies differ and both are known whole; undefined otherwise. */
function differingBytes(a: ResponseBody, b: ResponseBody): [Uint8Array, Uint8Array] | undefined {
  if (a.kind === 'binary' && b.kind === 'binary') {
    if (a.sha256 === b.sha256 || a.bytes === undefined || b.bytes === undefined) return undefined;
    return [a.bytes, b.bytes];
  }
  if (a.kind === 'text' && b.kind === 'text' && a.text !== b.text) {
    return [Buffer.from(a.text, 'utf8'), Buffer.from(b.text, 'utf8')];
  }
  return undefined;
}

/** The digests of both bodies when they differ (binary or text); undefined when they do not. */
export function bodyDigestsOf(exchange: Exchange): BodyDigests | undefined {
  const a = bodyOf(exchange.baseline);
  const b = bodyOf(exchange.candidate);
  if (a === undefined || b === undefined) return undefined;
  const bytes = differingBytes(a, b);
  if (bytes === undefined) return undefined;
  return { baseline: digestsOf(bytes[0]), candidate: digestsOf(bytes[1]) };
}

/**
 * A value written as a digest: 40 or more hex digits, an SRI value
 * (`sha512-<base64>`), or 27 or more base64 characters; in the form the
 * body digests are kept in (hex in lower case, SRI without its name).
 */
export function digestForm(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LONGEST_SHAPED_TEXT) return undefined;
  if (/^[0-9a-fA-F]{40,128}$/.test(value)) return value.toLowerCase();
  const sri = /^sha(?:1|256|384|512)-([A-Za-z0-9+/]{27,}={0,2})$/.exec(value);
  if (sri !== null) return sri[1];
  return /^[A-Za-z0-9+/]{27,}={0,2}$/.test(value) ? value : undefined;
}
