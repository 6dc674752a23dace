/**
 * A built case file → YAML a person can read and edit: a header comment
 * saying how it was made, one comment above each case saying where it came
 * from, small maps inline. Checked against the case-file schema before it is
 * returned, so an import never writes a file `parity validate` refuses. Pure.
 */
import { Document, isMap, isScalar, isSeq, parse, type YAMLMap } from 'yaml';
import { caseFileSchema } from '../cases/schema.js';
import { isWriteMethod } from '../model/case.js';
import type { CaseFileModel } from './cases.js';

/** Maps with at most this many short scalar entries are written on one line. */
const INLINE_ENTRIES = 3;
const INLINE_WIDTH = 60;

function isSmallScalarMap(node: YAMLMap): boolean {
  if (node.items.length === 0 || node.items.length > INLINE_ENTRIES) return false;
  const text = JSON.stringify(node.toJSON());
  return text.length <= INLINE_WIDTH && !/[{[]/.test(text.slice(1, -1));
}

/** Comment text for the yaml package: each line gets one leading space after `#`. */
function comment(lines: readonly string[]): string {
  return lines.map((line) => ` ${line.replaceAll('\n', ' ')}`).join('\n');
}

/** The YAML text of `file`, with `header` as the comment at its top. */
export function renderCaseFile(file: CaseFileModel, header: readonly string[]): string {
  // Writes beside reads may race at --concurrency above 1: keep the recorded order.
  const methods = file.cases.map((c) => c.request.method);
  const serial = methods.some(isWriteMethod) && methods.some((m) => !isWriteMethod(m));
  const value = {
    suite: file.suite,
    ...(serial ? { serial: true } : {}),
    cases: file.cases.map((c) => ({
      id: c.id,
      ...(c.description === undefined ? {} : { description: c.description }),
      request: c.request,
    })),
  };
  const doc = new Document(value);
  doc.commentBefore = comment(header);
  if (serial && isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'serial');
    if (pair !== undefined && isScalar(pair.key)) {
      pair.key.commentBefore = comment(['writes and reads: run in file order, one at a time']);
    }
  }
  const cases = doc.get('cases', true);
  if (isSeq(cases)) {
    cases.items.forEach((item, index) => {
      const model = file.cases[index];
      if (isMap(item) && model !== undefined) {
        item.commentBefore = comment(model.comments);
        if (index > 0) item.spaceBefore = true;
        const request = item.get('request', true);
        if (isMap(request)) {
          for (const pair of request.items) {
            if (isMap(pair.value) && isSmallScalarMap(pair.value)) pair.value.flow = true;
          }
        }
      }
    });
  }
  const text = doc.toString({ lineWidth: 100 });
  const checked = caseFileSchema.safeParse(parse(text));
  if (!checked.success) {
    // A bug in the importer, not in the user's input: say what the file would have been.
    throw new Error(
      `import built an invalid case file ${file.name}: ${checked.error.message}\n${text}`,
    );
  }
  return text;
}
