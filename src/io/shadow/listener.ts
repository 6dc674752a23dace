/**
 * The listening side of shadow mode (a node:http server; the proxy forwards
 * through `io/http/client.ts`'s forwarder, undici's dispatch). Two placements:
 *
 * - `proxy`: each request is forwarded to the baseline as it arrives and
 *   the baseline's answer is streamed back unchanged (status, headers, body,
 *   trailers). The request is handed over once it has been read and sent on,
 *   with the baseline's answer to come, so the candidate is asked at once;
 *   the answer is kept as bytes and decoded by the worker that takes it. A baseline that cannot be
 *   reached is a 502.
 * - `sink`: a gateway mirrors copies here; each is answered `204` at once
 *   (one without a body before anything of it is read, one with a body once
 *   it is read: the gateway discards the answer, and a slow one would hold
 *   it up); what it is, and whether it is handed over, is worked out after.
 *
 * Nothing of the comparison's work sits between a client's request and its
 * answer: handing over, decoding and everything the queue's workers do run
 * in a later turn of the event loop (`setImmediate`), after the answer's
 * bytes were handed to the socket. What is handed over is decided by `wanted`
 * (sampling, the write policy) once the request's head is known, then by
 * `admit` (room in the queue, the process not busy): a request that will not
 * be handed over is forwarded as it is, nothing of it gathered. A body past
 * the cap is never handed over. A request handed over is counted there once:
 * if the baseline's answer then fails, or its client goes away, the session
 * is given no answer (it counts the request unanswered), never a second
 * count as not mirrored.
 *
 * The bytes gathered (a request's body, the proxy's baseline answer) are
 * counted in the session's byte budget as they come (`util/byte-budget.ts`):
 * past it, what was gathered of that request is given back and the copy is
 * dropped and counted (`onOverBudget`); the client's own request and answer
 * go on untouched. Whoever ends a copy gives its bytes back: the judging side
 * once it was judged or dropped, this side when it was never handed over.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Duplex, PassThrough } from 'node:stream';
import type { Pairs } from '../../contract/model/case.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import type { ByteBudget } from '../../util/byte-budget.js';
import { createForwarder } from '../http/client.js';
import { ownBytes, type RawAnswer, teeAnswer } from './answer.js';
import { type ForwardedNames, readForwarded } from './forwarded.js';
import { connectionListed, endToEnd, pairsOfRaw } from './hop.js';
import type { Mirrored, ShadowMode, TrafficRequest } from './traffic.js';
import { tunnelUpgrade } from './tunnel.js';

/** Why a request seen was not handed over. */
export type NotMirrored =
  | 'sampled-out'
  | 'write'
  | 'too-large'
  | 'baseline-failed'
  | 'aborted'
  /** A request that switched protocols (a websocket): tunnelled to the baseline alone. */
  | 'upgrade';

export interface ListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly mode: ShadowMode;
  /** The proxy's upstream: the baseline the clients are served from. */
  readonly baseline: URL;
  readonly forwarded: ForwardedNames;
  readonly bodyCapBytes: number;
  readonly bodyBudget?: NodeBudget | undefined;
  /** Whether a request (method, lower-case headers, target) is handed over; else why not. */
  readonly wanted: (method: string, headers: Pairs, target: string) => true | NotMirrored;
  /**
   * Whether a request `wanted` would be taken now (room in the queue, the
   * process not busy); false counts it dropped, and nothing of it is gathered.
   */
  readonly admit: () => boolean;
  readonly onSeen: () => void;
  /** Hands a request over; false when it was not taken (the queue full: dropped and counted by it). */
  readonly onMirrored: (mirrored: Mirrored) => boolean;
  readonly onNotMirrored: (why: NotMirrored) => void;
  /** The bytes the mirrored pairs hold together, and where they go past it. */
  readonly budget: ByteBudget;
  /** A copy dropped because its bytes went past the budget. */
  readonly onOverBudget: () => void;
}

export interface Listener {
  /** Where it listens (the port chosen when 0 was asked). */
  readonly address: { readonly host: string; readonly port: number };
  /** Stops accepting connections; resolves once every request under way has ended. */
  close(): Promise<void>;
}

/**
 * Gathers a request body up to `cap` bytes, each chunk counted in `budget`:
 * `too-large` past the cap, `over-budget` past the budget (what it counted
 * given back, nothing more kept either way).
 */
function bodyGatherer(cap: number, budget: ByteBudget) {
  const chunks: Buffer[] = [];
  let size = 0;
  let counted = 0;
  let failed: 'too-large' | 'over-budget' | undefined;
  const fail = (why: 'too-large' | 'over-budget'): void => {
    failed ??= why;
    budget.give(counted);
    counted = 0;
    chunks.length = 0;
  };
  return {
    push(chunk: Buffer) {
      if (failed !== undefined) return;
      size += chunk.byteLength;
      if (size > cap) fail('too-large');
      else if (!budget.take(chunk.byteLength)) fail('over-budget');
      else {
        counted += chunk.byteLength;
        chunks.push(chunk);
      }
    },
    failed: () => failed,
    /** Gives back what it counted (the body is not handed over). */
    abandon: () => fail('over-budget'),
    /** The body in a buffer of its own (a worker thread takes it as it is); its bytes stay counted. */
    bytes: (): Uint8Array | undefined =>
      failed !== undefined
        ? undefined
        : chunks.length === 1
          ? ownBytes(chunks[0] as Buffer)
          : ownBytes(Buffer.concat(chunks, size)),
  };
}

/**
 * The client's body as the forwarder takes it, each chunk given to `gather`
 * first. One reader of `req`: the forwarder takes its stream only once its
 * connection is ready, so a second reader in flowing mode would have eaten
 * the chunks that came before (the baseline was sent an empty body). The
 * client is paused while the baseline's side is full.
 */
function bodyTee(req: IncomingMessage, gather: (chunk: Buffer) => void): PassThrough {
  const out = new PassThrough();
  req.on('data', (chunk: Buffer) => {
    gather(chunk);
    if (out.write(chunk)) return;
    req.pause();
    out.once('drain', () => req.resume());
  });
  req.on('end', () => out.end());
  req.on('error', (error) => out.destroy(error));
  return out;
}

/** The request as traffic (forwarded headers read and removed, hop-by-hop ones dropped). */
function trafficOf(
  req: IncomingMessage,
  names: ForwardedNames,
  pairs: Pairs = pairsOfRaw(req.rawHeaders),
): Omit<TrafficRequest, 'body'> {
  const forwarded = readForwarded(pairs, names);
  return {
    method: req.method ?? 'GET',
    target: forwarded.uri ?? req.url ?? '/',
    headers: endToEnd(forwarded.headers),
    client: forwarded.client ?? req.socket.remoteAddress,
    host: forwarded.host ?? pairs.find(([n]) => n === 'host')?.[1],
  };
}

type Parsed = Record<string, string | string[] | undefined>;

/** An answer's headers as a flat list (each value of a repeated one in order), without its connection's own. */
function answerHeaders(headers: Parsed): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out.push(name, value);
    else for (const one of value) out.push(name, one);
  }
  const connection = headers.connection;
  if (connection === undefined && headers['keep-alive'] === undefined) return out;
  const listed = connectionListed([['connection', [connection ?? ''].flat().join(',')]]);
  const kept: string[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    const name = out[i] ?? '';
    if (name === 'connection' || name === 'keep-alive' || listed.has(name)) continue;
    kept.push(name, out[i + 1] ?? '');
  }
  return kept;
}

/** Trailers as `addTrailers` takes them. */
function trailerPairs(trailers: Parsed): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(trailers)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) out.push([name, one]);
  }
  return out;
}

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const forwarder = createForwarder(options.baseline);
  const base = options.baseline.pathname.replace(/\/+$/, '');
  const active = new Set<Promise<void>>();

  const sink = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      // A copy without a body is answered before anything of it is read.
      const bodyless =
        (req.headers['content-length'] ?? '0') === '0' &&
        req.headers['transfer-encoding'] === undefined;
      if (bodyless) res.writeHead(204).end();
      const body = bodyGatherer(options.bodyCapBytes, options.budget);
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('error', () => {
        options.onNotMirrored('aborted');
        resolve();
      });
      req.on('end', () => {
        if (!bodyless) res.writeHead(204).end();
        // The rest once the answer has left.
        setImmediate(() => {
          const head = trafficOf(req, options.forwarded);
          const want = options.wanted(head.method, head.headers, head.target);
          const bytes = body.bytes();
          const failed = body.failed();
          if (want !== true) options.onNotMirrored(want);
          else if (failed === 'too-large') options.onNotMirrored('too-large');
          else if (failed === 'over-budget') options.onOverBudget();
          else if (bytes !== undefined && options.admit()) {
            if (options.onMirrored({ request: { ...head, body: bytes } })) return resolve();
          }
          // Not handed over: its bytes are free again.
          body.abandon();
          resolve();
        });
      });
    });

  const proxy = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const pairs = pairsOfRaw(req.rawHeaders);
      const head = trafficOf(req, options.forwarded, pairs);
      const wanted = options.wanted(head.method, head.headers, head.target);
      // Not admitted (counted dropped there): forwarded as it is, nothing gathered.
      const want = wanted === true && !options.admit() ? 'dropped' : wanted;
      const body = want === true ? bodyGatherer(options.bodyCapBytes, options.budget) : undefined;
      // The client's headers as sent, but for the connection's own: the baseline's host.
      // One pass over the headers read once (`pairs`), as undici takes them: name, value, …
      const headers: string[] = [];
      for (const [n, v] of endToEnd(pairs)) headers.push(n, v);
      const length = req.headers['content-length'];
      // Without a length, a body goes on chunked (the forwarder frames it).
      const bodyless = (length ?? '0') === '0' && req.headers['transfer-encoding'] === undefined;
      if (length !== undefined) headers.push('content-length', length);
      headers.push('host', options.baseline.host);
      let tee: ReturnType<typeof teeAnswer> | undefined;
      let done = false;
      // The baseline's answer for the request handed over: decoded once both
      // the request was taken and the answer has ended, in either order.
      let answered: RawAnswer | 'failed' | 'over-budget' | undefined;
      let taken: ((answer: RawAnswer | 'over-budget' | undefined) => void) | undefined;
      let handedOver = false;
      // Not handed over after all (the queue refused it, or the answer failed first).
      let refused = false;
      const settle = (): void => {
        if (taken === undefined || answered === undefined) return;
        const give = taken;
        taken = undefined;
        give(answered === 'failed' ? undefined : answered);
      };
      /** Gives back what this request counted and gathers nothing more. */
      const letGo = (): void => {
        refused = true;
        body?.abandon();
        tee?.abandon();
      };
      const finish = (why: 'ok' | 'dropped' | NotMirrored): void => {
        if (done) return;
        done = true;
        // One handed over was counted as mirrored: its session hears of the failure alone.
        if (why !== 'ok' && why !== 'dropped' && !handedOver) options.onNotMirrored(why);
        if (why !== 'ok') {
          tee?.abandon();
          if (!handedOver) body?.abandon();
          answered ??= 'failed';
          settle();
        }
        resolve();
      };
      req.on('end', () => {
        if (want !== true || body === undefined) return;
        if (body.failed() === 'over-budget') {
          options.onOverBudget();
          return letGo();
        }
        const bytes = body.bytes();
        if (bytes === undefined) return tee?.abandon();
        // Handed over once the request has been sent on to the baseline.
        setImmediate(() => {
          // The answer failed, or went past the budget (counted then), before the hand-over.
          if (answered === 'failed' || answered === 'over-budget') return letGo();
          const baseline = new Promise<RawAnswer | 'over-budget' | undefined>((resolve) => {
            taken = resolve;
          });
          if (!options.onMirrored({ request: { ...head, body: bytes }, baseline })) {
            taken = undefined;
            return letGo();
          }
          handedOver = true;
          settle();
        });
      });
      // A body gathered for the copy is read once, here, and fed to the baseline as it comes.
      const sent = bodyless ? undefined : body === undefined ? req : bodyTee(req, body.push);
      const abort = forwarder.forward(
        {
          method: req.method ?? 'GET',
          path: base + (req.url ?? '/'),
          headers,
          body: sent,
        },
        {
          onHead(status, statusText, heads) {
            res.writeHead(status, statusText, answerHeaders(heads));
            if (want === true && !refused) tee = teeAnswer(status, heads, options, options.budget);
          },
          onData(chunk, resume) {
            tee?.push(chunk);
            if (res.write(chunk)) return true;
            res.once('drain', resume);
            return false;
          },
          onEnd(trailers) {
            if (Object.keys(trailers).length > 0) res.addTrailers(trailerPairs(trailers));
            res.end();
            if (want !== true || tee === undefined) return finish(want === true ? 'ok' : want);
            if (body?.failed() === 'too-large') {
              tee.abandon();
              return finish('too-large');
            }
            if (refused) return finish('ok');
            const durationMs = performance.now() - started;
            answered = tee.end(durationMs);
            // Counted once: a copy handed over already, or one still to be.
            if (answered === 'over-budget') options.onOverBudget();
            // Handed over (still bytes) once the client's answer has left.
            setImmediate(settle);
            finish('ok');
          },
          onError() {
            if (!res.headersSent)
              res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway\n');
            else res.destroy();
            finish('baseline-failed');
          },
        },
      );
      // Without a body to send on, nothing else reads the request: read to its end here.
      if (body !== undefined && bodyless) req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('error', () => {
        abort();
        finish('aborted');
      });
      res.on('close', () => {
        if (!res.writableFinished) {
          abort();
          finish('aborted');
        }
      });
    });

  const handle = options.mode === 'proxy' ? proxy : sink;
  const server = createServer((req, res) => {
    options.onSeen();
    const work = handle(req, res);
    active.add(work);
    void work.finally(() => active.delete(work));
  });
  // A request that switches protocols (a websocket) is the baseline's alone: tunnelled, never compared.
  const tunnels = new Set<Duplex>();
  if (options.mode === 'proxy') {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      options.onSeen();
      options.onNotMirrored('upgrade');
      tunnels.add(socket);
      const path = base + (req.url ?? '/');
      tunnelUpgrade(req, socket, head, options.baseline, path, () => tunnels.delete(socket));
    });
  }
  // A gateway keeps its connections to the sink open.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    address: { host: options.host, port: address.port },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([...active]);
      server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await closed;
      await forwarder.close();
    },
  };
}
