import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import { resolveRules, rulesSpecSchema } from '../../../../src/contract/rules/schema.js';
import { VOLATILE_HEADERS } from '../../../../src/contract/rules/volatile-headers.js';
import { configSchema } from '../../../../src/io/config/schema.js';
import { maskVolatileHeaders, PRESENT } from '../../../../src/judge/headers.js';
import { mergeNoiseIntoJson, mergeNoiseIntoYaml } from '../../../../src/judge/noise/config-doc.js';
import { makeCase } from '../../../helpers/case.js';

const learned = new Map([
  [
    'GET /v1/records/:id',
    {
      ignore: ['/requestId', '/sessions/*'],
      sortArrays: ['/tags', { path: '/items', by: 'id' }],
      volatileHeaders: ['etag'],
    },
  ],
]);

describe('calibrate --write', () => {
  it('merges into YAML keeping comments, and the result validates', () => {
    const text = '# keep me\nbaseline: old # the old one\nnoise: true\n';
    const out = mergeNoiseIntoYaml(text, learned);
    expect(out).toContain('# keep me');
    expect(out).toContain('# the old one');
    const parsed = configSchema().parse(parse(out));
    expect(parsed.noise).toMatchObject({
      enabled: true,
      endpoints: { 'GET /v1/records/:id': { ignore: ['/requestId', '/sessions/*'] } },
    });
    // A second write adds nothing twice.
    expect(mergeNoiseIntoYaml(out, learned)).toBe(out);
  });

  it('keeps every byte outside the noise entry: flow lists, spacing, quoting, long lines', () => {
    const head = [
      '# parity config',
      'targets:',
      '  rust: { url: http://127.0.0.1:3100 }   # padded, aligned',
      '  go:   {url: "http://127.0.0.1:4110"}',
      'rules:',
      '  ignore: [/request_id]',
      '  statusEquivalence: [[400, 422]]',
      `  note: "${'a long value that goes well past eighty characters '.repeat(2)}"`,
      '  folded: >',
      '    kept as',
      '    written',
      '  hex: 0x1F',
      '',
      '',
    ].join('\n');
    const noise = 'noise:\n  relative: 0.20 # tuned\n';
    const tail = '# after noise\nbaseline: rust\n';
    const out = mergeNoiseIntoYaml(`${head}\n${noise}${tail}`, learned);
    expect(out.startsWith(`${head}\nnoise:\n  relative: 0.20 # tuned\n`)).toBe(true);
    expect(out.endsWith(tail)).toBe(true);
    expect(out).toContain('ignore: [/requestId, /sessions/*]');
    expect(parse(out).noise).toMatchObject({ relative: 0.2 });
    // Nothing new to write: the text is returned as it is.
    expect(mergeNoiseIntoYaml(out, learned)).toBe(out);
    // A config without a noise entry gets one appended, the rest untouched.
    const appended = mergeNoiseIntoYaml(head.trimEnd(), learned);
    expect(appended.startsWith(`${head.trimEnd()}\nnoise:\n`)).toBe(true);
  });

  it('starts a new file and merges JSON configs', () => {
    expect(configSchema().parse(parse(mergeNoiseIntoYaml('', learned))).noise).toBeDefined();
    const json = JSON.parse(
      mergeNoiseIntoJson(
        { baseline: 'old', noise: { endpoints: { 'GET /x': { ignore: ['/a'] } } } },
        learned,
      ),
    );
    expect(Object.keys(json.noise.endpoints)).toEqual(['GET /x', 'GET /v1/records/:id']);
    expect(configSchema().parse(json).baseline).toBe('old');
  });
});

describe('volatile headers', () => {
  const exchange = (
    rules: Parameters<typeof makeCase>[2],
    candidate: Record<string, string>,
  ): Exchange => {
    const response = (headers: Record<string, string>) => ({
      outcome: 'response' as const,
      response: {
        status: 200,
        headers,
        body: { kind: 'empty' as const },
        wireBytes: 0,
        durationMs: 1,
      },
    });
    return {
      case: makeCase('v', { path: '/v' }, rules),
      baseline: response({ 'x-request-id': 'a', etag: '1' }),
      candidate: response(candidate),
    };
  };

  it('replace the value of default and configured volatile headers, keeping absence', () => {
    const compared = { headers: ['x-request-id', 'etag'] };
    const masked = maskVolatileHeaders(
      exchange({ ...compared, volatileHeaders: ['etag'] }, { etag: '2' }),
    );
    expect(masked.baseline).toMatchObject({
      response: { headers: { 'x-request-id': PRESENT, etag: PRESENT } },
    });
    expect(masked.candidate).toMatchObject({ response: { headers: { etag: PRESENT } } });
  });

  it('leaves headers that are not compared alone', () => {
    const masked = maskVolatileHeaders(exchange({}, { etag: '2' }));
    expect(masked.baseline).toMatchObject({ response: { headers: { 'x-request-id': 'a' } } });
  });

  it('can be switched off, and a narrower list adds to the default', () => {
    const off = { headers: ['x-request-id'], volatileHeaders: false as const };
    expect(maskVolatileHeaders(exchange(off, {})).baseline).toMatchObject({
      response: { headers: { 'x-request-id': 'a' } },
    });
    const rules = resolveRules([rulesSpecSchema().parse({ volatileHeaders: ['X-Span'] })]);
    expect(rules.volatileHeaders).toEqual([...VOLATILE_HEADERS, 'x-span']);
    expect(resolveRules([]).volatileHeaders).toBeUndefined();
  });
});
