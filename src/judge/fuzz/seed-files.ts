/**
 * The case files the seeds came from, read again as written (what a fuzz
 * finding keeps of its seed: its rules, its flow). Files that cannot be read
 * or whose own fields have problems are passed over (the run checked them).
 */
import { resolve } from 'node:path';
import type { Case } from '../../contract/model/case.js';
import { readCaseFile } from '../../io/cases/load.js';
import {
  type CaseFileHeader,
  type ParsedCaseFile,
  parseCaseFile,
} from '../../io/cases/parse-file.js';

/** Each distinct source file of `cases`, parsed, with its header. */
export async function* seedFiles(
  cases: readonly Case[],
  cwd: string,
): AsyncGenerator<{ readonly parsed: ParsedCaseFile; readonly header: CaseFileHeader }> {
  for (const file of new Set(cases.map((c) => c.source.file))) {
    const read = await readCaseFile({ absolute: resolve(cwd, file), file });
    if (!('bytes' in read)) continue;
    const parsed = parseCaseFile(read.bytes, file);
    if (!parsed.ok || parsed.parsed.header === undefined) continue;
    yield { parsed: parsed.parsed, header: parsed.parsed.header };
  }
}
