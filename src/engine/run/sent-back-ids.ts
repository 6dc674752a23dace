/**
 * Ids a flow sent back (tracker rule 49b): a value each side answered at a
 * member of one endpoint, that a step of a flow captured whole (a `json`
 * capture without a regex) and a later step of the flow **sent back** in its
 * request, is each side's own: the client's use of it is the evidence (a
 * Bayeux handshake's `clientId`, a log-in's `sessionToken`). The flow masks
 * it where it captured it, but another answer of the same endpoint that no
 * flow captured (a handshake in a plain case) showed both sides' values, of
 * one format, as a row. Remembered here as the run takes its answers, for
 * the end of the run (`proven-places.ts`) to mask such values at that member
 * of that endpoint, where both sides' values are of the one drawn format
 * class the flow's values were (`core/normalise/drawn-formats.ts`: letters
 * and digits, hex, UUID) and neither is a value the flow's capture held
 * (a constant answered again is no draw). Pure, but for its memory.
 */
import type { Exchange } from '../../contract/model/exchange.js';
import { requestEndpoint } from '../../core/compare/endpoint.js';
import { type DrawnClass, drawnClassOf } from '../../core/normalise/drawn-formats.js';

/** What proved a member of an endpoint drawn: the capturing step, its class and its values. */
export interface SentBackProof {
  /** The case id of the step that captured the value. */
  readonly by: string;
  readonly drawn: DrawnClass;
  /** Each side's values the flows captured there (a value answered again is a constant). */
  readonly values: ReadonlySet<string>;
}

export interface SentBackIds {
  /** Remembers the variables `exchange`'s request sent back that an earlier step captured whole. */
  add(exchange: Exchange): void;
  /** The proof that `place` (array indices as `*`) of `endpoint`'s answers holds drawn ids. */
  provenAt(endpoint: string, place: string): SentBackProof | undefined;
}

/** The most places a run remembers. */
const MAX_PLACES = 1_000;

/** `pointer` with array indices as `*`: one member of the endpoint's answers. */
export const memberPlaceOf = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

export function createSentBackIds(): SentBackIds {
  const proofs = new Map<string, SentBackProof>();
  const refused = new Set<string>();
  const keyOf = (endpoint: string, place: string) => `${endpoint}\u0000${place}`;
  return {
    add(exchange) {
      const step = exchange.case.flow;
      const sides = exchange.flow?.variables;
      if (step === undefined || sides === undefined || step.uses.length === 0) return;
      for (const name of step.uses) {
        // The earlier step that captured it whole from a JSON answer, the latest first.
        const earlier = [...(step.before ?? [])]
          .reverse()
          .find((s) => s.captures.some((c) => c.name === name));
        const capture = earlier?.captures.find((c) => c.name === name);
        if (earlier === undefined || capture?.source.kind !== 'json' || capture.regex) continue;
        const b = sides.baseline.get(name);
        const c = sides.candidate.get(name);
        if (b === undefined || c === undefined || b.text === c.text) continue;
        const drawn = drawnClassOf(b.value);
        const key = keyOf(requestEndpoint(earlier.request), memberPlaceOf(capture.source.pointer));
        if (refused.has(key)) continue;
        const known = proofs.get(key);
        // Two sides of one class, the same class wherever the member was sent back.
        if (
          drawn === undefined ||
          drawnClassOf(c.value) !== drawn ||
          (known && known.drawn !== drawn)
        ) {
          proofs.delete(key);
          refused.add(key);
          continue;
        }
        if (known === undefined && proofs.size >= MAX_PLACES) continue;
        const values = new Set(known?.values ?? []);
        values.add(b.text).add(c.text);
        const by = known?.by ?? `${step.id}/${earlier.step}`;
        proofs.set(key, { by, drawn, values });
      }
    },
    provenAt(endpoint, place) {
      return proofs.get(keyOf(endpoint, place));
    },
  };
}
