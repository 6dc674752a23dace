import { describe, expect, it } from 'vitest';
import { xmlRpcFault } from '../../../../src/core/compare/xml-rpc-faults.js';
import { parseXml } from '../../../../src/core/xml/tree.js';

const tree = (text: string): unknown => {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const fault = (code: string, message: string) =>
  `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value>${code}</value></member><member><name>faultString</name><value>${message}</value></member></struct></value></fault></methodResponse>`;

describe('an XML-RPC fault', () => {
  it('is read with its faultString, typed or untyped, with newlines between elements', () => {
    expect(xmlRpcFault(tree(fault('<int>20</int>', '<string>no item 999</string>')))).toBe(
      'no item 999',
    );
    expect(
      xmlRpcFault(tree(fault('<i4>4</i4>', 'Too many parameters').replaceAll('><', '>\n<'))),
    ).toBe('Too many parameters');
    // A fault without its string is still a fault.
    expect(
      xmlRpcFault(
        tree('<methodResponse><fault><value><struct></struct></value></fault></methodResponse>'),
      ),
    ).toBe('');
  });

  it('is no result, and no other document is one', () => {
    const result =
      '<methodResponse><params><param><value><struct><member><name>faultString</name><value>x</value></member></struct></value></param></params></methodResponse>';
    expect(xmlRpcFault(tree(result))).toBeUndefined();
    expect(xmlRpcFault({ fault: { faultCode: 4, faultString: 'json' } })).toBeUndefined();
    expect(xmlRpcFault(tree('<envelope><fault>x</fault></envelope>'))).toBeUndefined();
  });
});
