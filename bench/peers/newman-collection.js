// A Postman collection for newman: one item per case; the item calls server A,
// and its test script calls server B with pm.sendRequest and compares the two
// parsed bodies with a deep equality assertion.
const TEST = [
  "const other = pm.collectionVariables.get('b') + pm.request.url.getPathWithQuery();",
  'pm.sendRequest(other, (err, res) => {',
  "  pm.test('same status and body', () => {",
  '    pm.expect(err).to.equal(null);',
  '    pm.expect(res.code).to.equal(pm.response.code);',
  '    pm.expect(res.json()).to.deep.equal(pm.response.json());',
  '  });',
  '});',
];

/** @param {string[]} paths */
export function newmanCollection(a, b, paths) {
  return {
    info: {
      name: 'parity peer benchmark',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    variable: [
      { key: 'a', value: a },
      { key: 'b', value: b },
    ],
    item: paths.map((path, k) => ({
      name: `case ${k}`,
      request: { method: 'GET', url: `{{a}}${path}` },
      event: [{ listen: 'test', script: { type: 'text/javascript', exec: TEST } }],
    })),
  };
}
