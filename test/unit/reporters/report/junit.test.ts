import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../../src/reporters/report/junit.js';
import { element, stripIllegal, textElement } from '../../../../src/reporters/report/junit-xml.js';
import { HOSTILE_NAME, HOSTILE_X, sampleReport } from '../../judge/results/report-fixtures.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

/** Decodes character references too, as every conforming XML parser does. */
const strictParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

interface Parsed {
  testsuites: Record<string, string> & {
    testsuite: (Record<string, string> & { testcase: Record<string, unknown>[] })[];
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('junit.xml', () => {
  const xml = renderJunit(sampleReport());
  const doc = parse(xml);
  const suite = doc.testsuites.testsuite[0];
  const byName = new Map(suite?.testcase.map((t) => [t.name, t]));

  it('has one testcase per case with suite counts', () => {
    expect(doc.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1', skipped: '1' });
    expect(suite).toMatchObject({
      name: 'demo',
      tests: '4',
      failures: '1',
      errors: '1',
      skipped: '1',
    });
    expect([...byName.keys()]).toEqual(['demo/accepted', 'demo/down', 'demo/drift', 'demo/same']);
    expect(byName.get('demo/same')).toMatchObject({ classname: 'demo' });
    expect(byName.get('demo/same')).not.toHaveProperty('failure');
  });

  it('reports a divergence as a failure with explanation, diff and repro, escaped', () => {
    const failure = byName.get('demo/drift')?.failure as Record<string, string>;
    expect(failure.type).toBe('shape');
    expect(failure.message).toBe(`shape: ${HOSTILE_NAME}`);
    const body = failure['#text'] ?? '';
    expect(body).toContain(`value ${HOSTILE_X}  ]]>`); // U+0001 is dropped, the rest survives
    expect(body).toContain('- /Schema: {"field":"x"}');
    expect(body).toContain(`+ /name: ${JSON.stringify(HOSTILE_NAME)}`);
    expect(body).toContain('header x-kind: "a&b" → (absent)');
    expect(body).toContain("curl -sS -i 'http://c/v1/validate'");
    expect(xml).not.toContain('<script>');
  });

  it('reports transport errors as <error> and accepted divergences as <skipped>', () => {
    expect(byName.get('demo/down')?.error).toMatchObject({ type: 'ECONNREFUSED' });
    expect(byName.get('demo/accepted')?.skipped).toMatchObject({
      message: 'accepted: every root cause is decided (PAR-002 accepted)',
    });
  });

  it('strips exactly what XML 1.0 forbids, clean-looking text or not', () => {
    // The whole rule, applied to every text (stripIllegal scans first and applies it only when needed).
    const forbidden = new RegExp(
      [
        '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
        '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
        '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
      ].join('|'),
      'g',
    );
    for (const text of [
      'plain → text',
      'a\u0001b',
      '\uD83D\uDE00 pair',
      'lone \uD83D',
      'lone \uDE00',
      '\uFFFE',
    ]) {
      expect(stripIllegal(text)).toBe(text.replace(forbidden, ''));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(stripIllegal(text)).toBe(text.replace(forbidden, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes any string into text and attributes that parse back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const doc = element('r', { a: text }, [textElement('t', {}, text)]);
        expect(XMLValidator.validate(doc)).toBe(true);
        const parsed = strictParser.parse(doc) as { r: { a: string; t: string | number } };
        const expected = stripIllegal(text);
        expect(parsed.r.a).toBe(expected);
        if (expected.replace(/\r\n?/g, '\n') !== '') {
          expect(String(parsed.r.t)).toBe(expected.replace(/\r\n?/g, '\n'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
