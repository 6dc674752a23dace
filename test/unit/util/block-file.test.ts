import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openBlockFile } from '../../../src/util/block-file.js';

const dir = await mkdtemp(join(tmpdir(), 'parity-block-file-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Appends every text and returns what each append reported and the file's bytes. */
async function written(name: string, texts: readonly string[]) {
  const path = join(dir, name);
  const file = await openBlockFile(path);
  const lengths = texts.map((text) => file.append(text));
  await file.close();
  return { lengths, bytes: await readFile(path) };
}

describe('block file (results.ndjson is written through it)', () => {
  it('writes every text in order across block boundaries, each length in UTF-8 bytes', async () => {
    // Multi-byte text lands on the 64 KiB boundaries; one text is larger than a block.
    const texts = Array.from({ length: 3_000 }, (_, k) => `${k}:é€😀${'x'.repeat(k % 97)}\n`);
    texts.splice(1_500, 0, `${'ü'.repeat(70_000)}\n`);
    const { lengths, bytes } = await written('boundaries.txt', texts);
    expect(bytes.toString('utf8')).toBe(texts.join(''));
    expect(lengths).toEqual(texts.map((t) => Buffer.byteLength(t)));
    // Each text sits at the offset the lengths before it add up to.
    let offset = 0;
    for (const [k, text] of texts.entries()) {
      expect(bytes.toString('utf8', offset, offset + (lengths[k] ?? 0))).toBe(text);
      offset += lengths[k] ?? 0;
    }
  });

  it('keeps any sequence of texts byte for byte', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40_000 })),
        async (texts) => {
          const { lengths, bytes } = await written(`any-${n++}.txt`, texts);
          expect(bytes.equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
          expect(lengths.reduce((a, b) => a + b, 0)).toBe(bytes.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('appendLine writes what append(text) then append("\\n") write, a block filled to its last byte included', async () => {
    const BLOCK = 64 * 1024;
    // The first text fills the first block exactly: its newline starts the next block.
    // Then one that needs a flush before it, one larger than a block, and multi-byte text.
    const texts = [
      'a'.repeat(BLOCK),
      'b'.repeat(BLOCK - 10),
      `${'c'.repeat(20)}é€😀`,
      'ü'.repeat(40_000),
      '',
      ...Array.from({ length: 2_000 }, (_, k) => `${k}:é€😀${'x'.repeat(k % 97)}`),
    ];
    const byLine = join(dir, 'lines.txt');
    const file = await openBlockFile(byLine);
    const lengths = texts.map((text) => file.appendLine(text));
    await file.close();
    const twice = await written(
      'lines-twice.txt',
      texts.flatMap((text) => [text, '\n']),
    );
    const bytes = await readFile(byLine);
    expect(bytes.equals(twice.bytes)).toBe(true);
    expect(lengths).toEqual(texts.map((t) => Buffer.byteLength(t) + 1));
  });

  it('appendLine keeps any sequence of lines byte for byte', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40_000 })),
        async (texts) => {
          const path = join(dir, `any-line-${n++}.txt`);
          const file = await openBlockFile(path);
          const total = texts.reduce((sum, text) => sum + file.appendLine(text), 0);
          await file.close();
          const bytes = await readFile(path);
          expect(bytes.equals(Buffer.from(texts.map((t) => `${t}\n`).join(''), 'utf8'))).toBe(true);
          expect(total).toBe(bytes.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('appendBytes mixed with text keeps every piece byte for byte, in any block size', async () => {
    let n = 0;
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 9_000 }),
      fc.uint8Array({ maxLength: 9_000 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece),
        fc.constantFrom(4_096, 8_192, 65_536),
        async (pieces, size) => {
          const path = join(dir, `bytes-${n++}.bin`);
          const file = await openBlockFile(path, { size, sync: size === 8_192 });
          const lengths = pieces.map((p) =>
            typeof p === 'string' ? file.append(p) : file.appendBytes(p),
          );
          await file.close();
          const expected = Buffer.concat(
            pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
          );
          expect((await readFile(path)).equals(expected)).toBe(true);
          expect(lengths.reduce((a, b) => a + b, 0)).toBe(expected.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('appendBytes copies: the caller may reuse its buffer at once', async () => {
    const path = join(dir, 'reused.bin');
    const file = await openBlockFile(path, { size: 4_096 });
    const reused = Buffer.alloc(5_000);
    for (const byte of [0x61, 0x62, 0x63]) {
      reused.fill(byte);
      file.appendBytes(reused.subarray(0, byte === 0x62 ? 5_000 : 100));
    }
    await file.close();
    const expected = `${'a'.repeat(100)}${'b'.repeat(5_000)}${'c'.repeat(100)}`;
    expect((await readFile(path)).toString('latin1')).toBe(expected);
  });

  it('an empty file when nothing is appended; a missing folder fails at open', async () => {
    expect((await written('empty.txt', [])).bytes.length).toBe(0);
    await expect(openBlockFile(join(dir, 'missing', 'x.txt'))).rejects.toThrow(/ENOENT/);
  });
});
