/**
 * Reports written before schemaVersion 2 (parity 0.1): their reader schema and
 * the upgrade to schemaVersion 2 (`upgrade-v2.ts` takes it on to today's).
 * Version 1 listed results sorted by case id and gave every result the
 * fields of a divergence, empty when equal.
 */
import * as z from 'zod';
import {
  changeSchema as change,
  headerChangeSchema as headerChange,
  kindsSchema as kinds,
  notesSchema,
  reproSchema,
  sideSchema as side,
} from './observation.js';
import { runShape, sectionsShape, summaryShape } from './report.js';
import { trackerRefSchema } from './root-cause.js';
import type { ReportV2 } from './upgrade-v2.js';

type ResultV2 = ReportV2['results'][number];

const resultV1 = z.looseObject({
  caseId: z.string().describe('suite/id'),
  suite: z.string().describe('the case suite'),
  endpoint: z.string().describe('METHOD /path with ids collapsed'),
  request: z.looseObject({
    method: z.string().describe('HTTP method, as sent'),
    path: z.string().describe('request path'),
  }),
  baseline: side,
  candidate: side,
  verdict: z.enum(['equal', 'divergent', 'error']).describe('the case outcome'),
  kinds: kinds.describe('divergence kinds, most important first'),
  fingerprint: z.string().exactOptional().describe('stable id of the divergence'),
  explanation: z.string().exactOptional().describe('plain-language explanation'),
  summary: z.string().exactOptional().describe('one-line summary'),
  changes: z.array(change).describe('body changes'),
  headerChanges: z.array(headerChange).describe('header changes'),
  repro: reproSchema.exactOptional(),
  bodies: z
    .looseObject({
      baseline: z.unknown().describe('baseline body'),
      candidate: z.unknown().describe('candidate body'),
    })
    .exactOptional()
    .describe('both bodies, for divergent cases'),
  tracker: trackerRefSchema.exactOptional(),
  expectations: z.array(z.string()).exactOptional().describe('unmet expect.status lines'),
  notes: notesSchema.exactOptional(),
  regression: z
    .enum(['new', 'persisting', 'fixed'])
    .exactOptional()
    .describe('relative to the --compare-to report'),
});

/** report.json, schemaVersion 1. */
export const reportSchemaV1 = z.looseObject({
  schemaVersion: z.literal(1).describe('report format version'),
  ...runShape,
  summary: z.looseObject(summaryShape),
  results: z.array(resultV1).describe('per-case results, sorted by case id'),
  ...sectionsShape,
});

type ResultV1 = z.output<typeof resultV1>;

/** A version-1 result as today's union: each verdict keeps the fields it has. */
function upgradeResult(old: ResultV1): ResultV2 | string {
  const {
    verdict,
    fingerprint,
    explanation,
    summary,
    changes,
    headerChanges,
    repro,
    bodies,
    tracker,
    regression,
    ...base
  } = old;
  if (verdict === 'equal') {
    return regression === 'fixed' ? { ...base, verdict, regression } : { ...base, verdict };
  }
  if (fingerprint === undefined || explanation === undefined || summary === undefined) {
    return `${old.caseId}: a ${verdict} result needs fingerprint, explanation and summary`;
  }
  const described = {
    ...base,
    fingerprint,
    explanation,
    summary,
    repro: repro ?? { baseline: '', candidate: '' },
  };
  if (verdict === 'error') return { ...described, verdict };
  return {
    ...described,
    verdict,
    changes,
    headerChanges,
    bodies: bodies ?? { baseline: null, candidate: null },
    ...(tracker === undefined ? {} : { tracker }),
    ...(regression === 'new' || regression === 'persisting' ? { regression } : {}),
  };
}

/** The report as schemaVersion 2 held it, or a message saying which result cannot be upgraded. */
export function upgradeV1(old: z.output<typeof reportSchemaV1>): ReportV2 | string {
  const results: ResultV2[] = [];
  for (const result of old.results) {
    const upgraded = upgradeResult(result);
    if (typeof upgraded === 'string') return upgraded;
    results.push(upgraded);
  }
  return { ...old, schemaVersion: 2, results };
}
