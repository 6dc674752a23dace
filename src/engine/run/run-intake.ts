/**
 * What a run does to each answer the pool sends back before it is judged:
 * secrets out first, each side's own address and the timestamps stamped
 * during the run masked, transport errors counted, the side and runtime
 * watches fed, echoed references and derived revisions masked, and a flow's
 * steps held until the whole flow ran (`flow-hold.ts`), so every step hides
 * every secret the flow captured. Two answers alike where they are compared
 * (`core/normalise/alike.ts`) feed the memories that learn from every answer
 * and skip the rest: each of those passes them unchanged and learns nothing. The run's redactor learns those secrets as
 * each flow is released.
 */

import type { Exchange } from '../../contract/model/exchange.js';
import { maskExchange } from '../../core/flow/mask.js';
import { answeredAlike } from '../../core/normalise/alike.js';
import { maskChangedValues, needsSecondLook } from '../../core/normalise/changed.js';
import { maskDerivedRevisions } from '../../core/normalise/derived.js';
import { maskDerivedDigests } from '../../core/normalise/derived-digests.js';
import { createDerivedEtags } from '../../core/normalise/derived-etags.js';
import { createDrawnShows, type DrawnShows } from '../../core/normalise/drawn-formats.js';
import { createDrawnOrder } from '../../core/normalise/drawn-order.js';
import { createDrawnPicks } from '../../core/normalise/drawn-picks.js';
import { createDrawnTails } from '../../core/normalise/drawn-tails.js';
import { maskDrawnTexts, needsDrawnTextLook } from '../../core/normalise/drawn-texts.js';
import { maskGeneratedValues } from '../../core/normalise/generated.js';
import { normaliseOrigins, originForms } from '../../core/normalise/origin.js';
import { createOwnIdentity, type OwnIdentity } from '../../core/normalise/own-identity.js';
import { alignOwnKeyOrders } from '../../core/normalise/own-key-order.js';
import { maskOwnPaths } from '../../core/normalise/own-paths.js';
import { answersAgree, mayHaveRaced, racedWords } from '../../core/normalise/raced.js';
import { createReferenceMemory } from '../../core/normalise/references.js';
import { alignRenumberedRecords, sentNumbers } from '../../core/normalise/renumbered-records.js';
import { createSamePairs, type SamePairs } from '../../core/normalise/same-pairs.js';
import { maskSentSubstitutions } from '../../core/normalise/sent-substitutions.js';
import { createSequenceIds } from '../../core/normalise/sequence-ids.js';
import { sequenceKeyOf } from '../../core/normalise/sequence-walk.js';
import { openSignedTokens } from '../../core/normalise/signed-tokens.js';
import { CLOCK_SKEW_MS, maskRunStamps } from '../../core/normalise/stamps.js';
import { redactExchange } from '../../core/redact/exchange.js';
import { withSecrets } from '../../core/redact/extend.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { RunConfig } from '../../io/config/targets.js';
import { type BodyDigests, bodyDigestsOf } from '../../judge/results/body-digests.js';
import { capturedSecrets, createFlowHold, type HeldStep, withFlowSecrets } from './flow-hold.js';
import { createRuntimeWatch, type RuntimeWatch } from './runtime-watch.js';
import { createSentBackIds, type SentBackIds } from './sent-back-ids.js';
import { createSideWatch, type StoppedAnswering } from './side-watch.js';

/** Steps ready to be judged, in run order, and the redactor that knows what their flow captured. */
export interface Released {
  readonly steps: readonly HeldStep[];
  /**
   * Set when these steps taught the run's redactor new secrets: the redactor
   * knows them from the next step taken on (these steps hide them already).
   */
  readonly learned: Redactor | undefined;
}

export interface RunIntake {
  /** The run's redactor, with every secret learned so far. */
  readonly redact: Redactor;
  /**
   * One step the pool sent, as it is ready to be judged (nothing while its
   * flow is held). Called in the pool's order, each step's released steps
   * judged before the next step is taken: a redactor the last ones taught is
   * the run's from this step on.
   */
  take(step: HeldStep): Released;
  /** Once the pool is done: the steps of every flow still held (a flow cut short by an interrupted run). */
  rest(): Iterable<Released>;
  /** Transport errors per side, and the cases not sent. */
  readonly failed: { baseline: number; candidate: number; skipped: number };
  stoppedAnswering(): readonly StoppedAnswering[];
  runtimes(): ReturnType<RuntimeWatch['runtimes']>;
  /** By case id, the places a later echo proved per-instance (`ReferenceMemory.echoOrigins`). */
  echoOrigins(): ReadonlyMap<string, readonly string[]>;
  /** By case id, the places of writes whose numbers the run proved a sequence (`SequenceIds.proven`). */
  sequenceOrigins(): ReadonlyMap<string, readonly string[]>;
  /** By case id, the digests of each side's body where the two bodies differ (`judge/results/body-digests.ts`). */
  bodyDigests(): ReadonlyMap<string, BodyDigests>;
  /** By case id, `header etag` where another answer proved the same two tags derived (`DerivedEtags.proven`). */
  derivedEtags(): ReadonlyMap<string, readonly string[]>;
  /** The pairs of values the run found per-instance, for the end-of-run pass (`engine/run/same-pairs.ts`). */
  readonly samePairs: SamePairs;
  /** Each side's own identity values and the run's requests, judged once every answer is in. */
  readonly ownIdentity: OwnIdentity;
  /** Where flows masked drawn values, and in which formats (`core/normalise/drawn-formats.ts`). */
  readonly drawnShows: DrawnShows;
  /** Where the run's flows sent back values they captured whole: each side's own ids (rule 49b). */
  readonly sentBack: SentBackIds;
  /**
   * Whether an exchange just sent is worth a second look (`engine/run/second-look.ts`):
   * masked as this intake masks it (but for what earlier answers taught it),
   * it still holds differing values of one format, or it is a read of a flow
   * or serial sequence whose answers differ (it may have raced a write:
   * `core/normalise/raced.ts`). Changes nothing.
   */
  worthASecondLook(exchange: Exchange): boolean;
}

/** An exchange read alone (`RunIntake.worthASecondLook`): each step of the run's masking but what earlier answers taught it. */
interface Reading {
  /** The redactor it was read with. */
  readonly redact: Redactor;
  /** Secrets out, own addresses, the run's stamps and own paths masked. */
  readonly raw: Exchange;
  /** Then lists in each side's drawn order, a flow's captured values as placeholders. */
  readonly captured: Exchange;
  /** Then derived revisions masked. */
  readonly judged: Exchange;
  /** Then generated values and the digests of what holds them. */
  readonly generated: Exchange;
}

/** Where an answer was asked: its method and path, without a query (`drawn-bodies.ts`). */
function whereOf(exchange: Exchange): string {
  const { method, path } = exchange.case.request;
  return `${method} ${path.split('?')[0] ?? path}`;
}

export function createRunIntake(input: {
  readonly config: RunConfig;
  readonly redact: Redactor;
  readonly now: () => Date;
  /**
   * Whether an accepted `POST` to this path is a write whatever it answers
   * (an RPC-style endpoint: `io/cases/rpc-paths.ts`). Without it, every
   * accepted `POST` is (shadow traffic, which has no library to tell).
   */
  readonly rpc?: (path: string) => boolean;
}): RunIntake {
  const { config } = input;
  const rpc = input.rpc ?? (() => true);
  // Then the digests of objects that hold such values (core/normalise/derived-digests.ts).
  // Then a value the request sent against a drawn id, compared as both (core/normalise/sent-substitutions.ts).
  const generatedOf = (exchange: Exchange): Exchange =>
    maskSentSubstitutions(
      maskDerivedDigests(maskGeneratedValues(exchange, { rpc: rpc(exchange.case.request.path) })),
    );
  const failed = { baseline: 0, candidate: 0, skipped: 0 };
  const watch = createSideWatch();
  const runtimes = createRuntimeWatch(config, (text) => input.redact.text(text));
  // The run's redactor learns each flow's secret captures once the flow ran, so a
  // later case of the run (a serial sequence or a flow runs alone) never shows them.
  let redact = input.redact;
  let pending: Redactor | undefined;
  const adopt = (): void => {
    if (pending !== undefined) redact = pending;
    pending = undefined;
  };
  const learnedSecrets = new Map<string, string>();
  // Each side's own address is compared as `{{origin}}` (docs/rules-and-noise.md, "Own origins and per-instance values").
  const origins = {
    baseline: originForms(config.baseline.url.href),
    candidate: originForms(config.candidate.url.href),
    // A replica instance writes its own address; the baseline sent again writes the baseline's.
    replica: originForms((config.noise.replica ?? config.baseline).url.href),
  };
  // Timestamps both sides stamped during the run are compared by format (same section).
  const started = input.now().getTime() - CLOCK_SKEW_MS;
  // Pairs of values found per-instance, found again elsewhere once every answer is in.
  const samePairs = createSamePairs();
  // Values each side generated earlier in a flow or serial sequence, echoed later.
  const references = createReferenceMemory((pair) => samePairs.addProven(pair));
  // Numbers each side gives its own writes, proven a sequence by the run's writes.
  const sequences = createSequenceIds();
  // ETags a body-less answer (a HEAD) shares with an answer that proved them derived.
  const etags = createDerivedEtags();
  // A server's own version, folder, host, pid and counters: the run's requests and each side's values.
  const ownIdentity = createOwnIdentity();
  // The formats each side draws its captured values in, asked once every answer is in.
  const drawnShows = createDrawnShows();
  // Values a flow captured whole and sent back in a later request: each side's own ids (rule 49b).
  const sentBack = createSentBackIds();
  // Lists each side orders by keys it drew (its flow's writes drew ids) that the answer leaves out: awaiting evidence.
  const drawnOrder = createDrawnOrder();
  // Lists each side draws from a pool its sequence sent (peers a tracker picks): compared as the baseline's.
  const drawnPicks = createDrawnPicks();
  // Names each side derives from a sent value with a tail it draws (a slug made unique): compared as `{{drawn}}`.
  const drawnTails = createDrawnTails();
  // Bodies that differ, hashed once, for the digests other answers list (`judge/results/consequences.ts`).
  const digests = new Map<string, BodyDigests>();
  // A flow's steps are judged once the whole flow ran (its secrets are all known then).
  const flows = createFlowHold<HeldStep>();
  const release = (steps: readonly HeldStep[] | undefined): Released => {
    const released = withFlowSecrets(steps ?? []);
    const learned = capturedSecrets(released);
    if (learned.size === 0) return { steps: released, learned: undefined };
    for (const [value, placeholder] of learned) learnedSecrets.set(value, placeholder);
    // Rebuilt from the run's own redactor: one layer, whatever the number of flows.
    pending = withSecrets(input.redact, learnedSecrets);
    return { steps: released, learned: pending };
  };
  // Its end is the moment an answer is judged, read only when two values look stamped (few do).
  const window = {
    from: started,
    get to() {
      return input.now().getTime() + CLOCK_SKEW_MS;
    },
  };
  // Each side's address, the run's stamps and each side's own file paths, as every answer is read
  // first; signed tokens are opened before (core/normalise/signed-tokens.ts), so the masks and the
  // redactor read their claims.
  const plain = (sent: Exchange): Exchange =>
    maskOwnPaths(
      maskRunStamps(
        normaliseOrigins(redactExchange(openSignedTokens(sent), redact), origins),
        window,
      ),
    );
  // The second look's answers, read as the first were (core/normalise/changed.ts compares the two).
  const looks = (sent: Exchange, raw: Exchange) => {
    const { secondLook } = sent;
    if (secondLook === undefined) return undefined;
    const again = plain({
      case: sent.case,
      baseline: secondLook.baseline ?? sent.baseline,
      candidate: secondLook.candidate ?? sent.candidate,
    });
    return {
      first: { baseline: raw.baseline, candidate: raw.candidate },
      again: {
        ...(secondLook.baseline === undefined ? {} : { baseline: again.baseline }),
        ...(secondLook.candidate === undefined ? {} : { candidate: again.candidate }),
      },
    };
  };
  // The numbers each flow or serial sequence's requests sent so far: record numbers they name are no side's own.
  const numbersSent = new Map<string, Set<string>>();
  const rememberNumbersSent = (sent: Exchange): void => {
    const sequence = sequenceKeyOf(sent);
    if (sequence === undefined) return;
    const { flow } = sent;
    const numbers =
      flow === undefined
        ? sentNumbers(sent.case.request)
        : [...sentNumbers(flow.requests.baseline), ...sentNumbers(flow.requests.candidate)];
    if (numbers.length === 0) return;
    const known = numbersSent.get(sequence) ?? new Set<string>();
    for (const n of numbers) known.add(n);
    numbersSent.set(sequence, known);
  };
  // Lists each side orders by its own drawn keys first, on the keys as answered (core/normalise/own-key-order.ts);
  // a flow step's captured values differ by design: compared as their placeholders.
  const capturedOf = (raw: Exchange): Exchange => {
    const sequence = sequenceKeyOf(raw);
    // Then the same records each side numbered in another order (core/normalise/renumbered-records.ts),
    // then lists each side drew from a pool its sequence sent (core/normalise/drawn-picks.ts),
    // then names each side ended with a tail it drew (core/normalise/drawn-tails.ts).
    const ordered = drawnTails.apply(
      drawnPicks.apply(
        alignRenumberedRecords(
          alignOwnKeyOrders(raw, { rpc: rpc(raw.case.request.path) }),
          sequence === undefined ? undefined : numbersSent.get(sequence),
        ),
      ),
    );
    return ordered.flow === undefined ? ordered : maskExchange(ordered);
  };
  // The answers masked as judged, but for what earlier answers taught the run (pure).
  const readAlone = (sent: Exchange): Reading => {
    const raw = plain(sent);
    const captured = capturedOf(raw);
    const judged = maskDerivedRevisions(captured);
    return { redact, raw, captured, judged, generated: generatedOf(judged) };
  };
  const judgedAlone = (sent: Exchange): Exchange => readAlone(sent).generated;
  // What the second look read of an exchange it decided on, handed to the run's masking of the
  // same exchange (taken once): a divergent answer is read once, not once for each.
  const readings = new WeakMap<Exchange, Reading>();
  const readingOf = (sent: Exchange): Reading | undefined => {
    const reading = readings.get(sent);
    if (reading === undefined) return undefined;
    readings.delete(sent);
    // A flow released since taught the redactor a secret: read again with it.
    return reading.redact === redact ? reading : undefined;
  };
  // Both sides' second answers to an exchange sent twice, as an exchange of their own.
  const secondAnswers = (sent: Exchange): Exchange | undefined => {
    const { secondLook } = sent;
    if (secondLook === undefined) return undefined;
    if (secondLook.baseline === undefined && secondLook.candidate === undefined) return undefined;
    return {
      case: sent.case,
      baseline: secondLook.baseline ?? sent.baseline,
      candidate: secondLook.candidate ?? sent.candidate,
    };
  };
  // A read that raced its side's own change of state: judged on its second answers (core/normalise/raced.ts).
  const settled = (sent: Exchange): Exchange => {
    const { secondLook } = sent;
    if (secondLook?.baseline === undefined || secondLook.candidate === undefined) return sent;
    const { secondLook: _looked, ...rest } = sent;
    const again: Exchange = {
      ...rest,
      baseline: secondLook.baseline,
      candidate: secondLook.candidate,
    };
    const first = judgedAlone(sent);
    const second = judgedAlone(again);
    if (!mayHaveRaced(first) || !answersAgree(second)) return sent;
    return { ...again, raced: racedWords(first, second) };
  };
  const masked = (looked: Exchange): Exchange => {
    const sent = settled(looked);
    const first = sent === looked ? readingOf(looked) : undefined;
    // Secrets leave the exchange first: nothing below derives text from a secret value.
    const raw = first?.raw ?? plain(sent);
    if (raw.baseline.outcome === 'transport-error') failed.baseline++;
    if (raw.candidate.outcome === 'transport-error') failed.candidate++;
    watch.add(raw);
    ownIdentity.add(raw);
    const bodyDigests = bodyDigestsOf(raw);
    if (bodyDigests !== undefined) digests.set(raw.case.id, bodyDigests);
    runtimes.add(raw);
    sentBack.add(raw);
    // Two answers alike where they are compared pass every normaliser below unchanged and
    // teach the memories below nothing (core/normalise/alike.ts): the memories above read them.
    if (answeredAlike(raw)) {
      drawnPicks.add(raw);
      return raw;
    }
    // A second look's answers show the order each side draws the same request's list in
    // (core/normalise/drawn-picks.ts): remembered first, so this answer is read against them.
    const again = secondAnswers(sent);
    if (again !== undefined) drawnPicks.add(plain(again));
    // Echoed references, then revisions derived from per-instance values (docs/rules-and-noise.md, "Own origins and per-instance values").
    const captured = (again === undefined ? first?.captured : undefined) ?? capturedOf(raw);
    drawnPicks.add(raw);
    rememberNumbersSent(sent);
    drawnShows.add(captured);
    const echoes = sequences.apply(references.apply(captured));
    // Nothing echoed: the revisions and generated values are those the second look masked.
    const alone = echoes === first?.captured ? first : undefined;
    const judged = alone?.judged ?? maskDerivedRevisions(echoes);
    etags.add(echoes, judged);
    // Values each side generated for itself, by the evidence the exchange holds (core/normalise/generated.ts),
    // then those that changed between two requests to one side (core/normalise/changed.ts).
    const generated = alone?.generated ?? generatedOf(judged);
    const two = looks(sent, raw);
    // Then a whole text body that is each side's own drawn id (core/normalise/drawn-texts.ts).
    const texts = maskDrawnTexts(
      two === undefined ? generated : maskChangedValues(generated, two),
      two,
      window,
    );
    if (texts.show !== undefined) drawnShows.addBody(sent.case.id, whereOf(sent), texts.show);
    const out = drawnOrder.apply(texts.exchange);
    samePairs.add(judged, out);
    drawnOrder.add(judged, out);
    return out;
  };
  // One step as the pool reported it: what is ready to be judged.
  const take = (step: HeldStep): Released => {
    if ('skipped' in step) {
      failed.skipped++;
      return release(flows.add(step.skipped, step));
    }
    const exchange = masked(step.exchange);
    const { position } = step;
    if (step.exchange.flow === undefined)
      return { steps: [{ position, exchange }], learned: undefined };
    return release(flows.add(step.exchange.case, { position, exchange }));
  };
  return {
    get redact() {
      return redact;
    },
    take(step) {
      adopt();
      return take(step);
    },
    *rest() {
      for (const steps of flows.rest()) {
        adopt();
        yield release(steps);
      }
    },
    failed,
    stoppedAnswering: () =>
      watch.stopped({ baseline: config.baseline.name, candidate: config.candidate.name }),
    runtimes: () => runtimes.runtimes(),
    echoOrigins: () => references.echoOrigins(),
    sequenceOrigins: () => sequences.proven(),
    bodyDigests: () => digests,
    derivedEtags: () => etags.proven(),
    samePairs,
    ownIdentity,
    drawnShows,
    sentBack,
    worthASecondLook: (sent) => {
      // A read of a sequence whose answers differ may have raced a write (core/normalise/raced.ts).
      const worth = (one: Exchange) =>
        needsSecondLook(one) || mayHaveRaced(one) || needsDrawnTextLook(one);
      if (!worth(sent)) return false;
      const reading = readAlone(sent);
      readings.set(sent, reading);
      return worth(reading.generated);
    },
  };
}
