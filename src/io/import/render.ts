/**
 * A built case file → YAML a person can read and edit: a header comment
 * saying how it was made, one comment above each case saying where it came
 * from, small maps inline. Its value is checked against the case-file schema
 * before the text is returned, so an import never writes a file `parity
 * validate` refuses. Pure.
 */
import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { isWriteMethod } from '../../contract/model/case.js';
import { caseFileSchema } from '../cases/schema.js';
import type { CaseFileModel, FlowModel } from './types.js';

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

/** Small maps of a request written on one line. */
function inlineSmallMaps(request: unknown): void {
  if (!isMap(request)) return;
  for (const pair of request.items) {
    if (isMap(pair.value) && isSmallScalarMap(pair.value)) pair.value.flow = true;
  }
}

/** A session's flow (`session.ts`): its steps in order, with their captures. */
function flowDocument(file: CaseFileModel, flow: FlowModel): { doc: Document; value: unknown } {
  const value = {
    suite: file.suite,
    ...(flow.sideEffects ? { sideEffects: true } : {}),
    cases: [
      {
        id: flow.id,
        steps: flow.steps.map((step) => ({
          id: step.id,
          request: step.request,
          ...(step.capture === undefined ? {} : { capture: step.capture }),
        })),
      },
    ],
  };
  const doc = new Document(value);
  if (flow.sideEffects && isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'sideEffects');
    if (pair !== undefined && isScalar(pair.key)) {
      pair.key.commentBefore = comment([
        'the session writes: run it only against targets whose data it may change',
      ]);
    }
  }
  const cases = doc.get('cases', true);
  const only = isSeq(cases) ? cases.items[0] : undefined;
  if (isMap(only)) {
    only.commentBefore = comment(flow.comments);
    const steps = only.get('steps', true);
    if (isSeq(steps)) {
      steps.items.forEach((item, index) => {
        const model = flow.steps[index];
        if (!isMap(item) || model === undefined) return;
        item.commentBefore = comment(model.comments);
        if (index > 0) item.spaceBefore = true;
        inlineSmallMaps(item.get('request', true));
        const capture = item.get('capture', true);
        if (isMap(capture)) {
          for (const pair of capture.items) if (isMap(pair.value)) pair.value.flow = true;
        }
      });
    }
  }
  return { doc, value };
}

/** The YAML text of `file`, with `header` as the comment at its top. */
export function renderCaseFile(file: CaseFileModel, header: readonly string[]): string {
  if (file.flow !== undefined) {
    const { doc, value } = flowDocument(file, file.flow);
    doc.commentBefore = comment(header);
    return checked(file, value, doc.toString({ lineWidth: 100 }));
  }
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
        inlineSmallMaps(item.get('request', true));
      }
    });
  }
  return checked(file, value, doc.toString({ lineWidth: 100 }));
}

/**
 * `text` once the case-file schema accepts the `value` it was written from
 * (the YAML writer keeps values: reading `text` back, which took longer than
 * the rest of a large import, would check the writer, not the importer).
 */
function checked(file: CaseFileModel, value: unknown, text: string): string {
  const result = caseFileSchema().safeParse(value);
  if (!result.success) {
    // A bug in the importer, not in the user's input: say what the file would have been.
    throw new Error(
      `import built an invalid case file ${file.name}: ${result.error.message}\n${text}`,
    );
  }
  return text;
}
