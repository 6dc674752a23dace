/**
 * curl command lines as browsers copy them ("Copy as cURL", bash and cmd) →
 * requests. The escapers below restate what Chrome's and Firefox's devtools
 * write, so any string they quote must come back unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmdCommands } from '../../../../../src/io/import/curl/cmd.js';
import { importCurl } from '../../../../../src/io/import/curl/parse.js';
import { posixCommands } from '../../../../../src/io/import/curl/posix.js';

/** Chrome's "Copy as cURL (bash)" quoting. */
function chromePosix(str: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Chrome's own escaper, restated
  if (/[\0-\x1F\x7F-\x9F!]|'/.test(str)) {
    return `$'${str
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: Chrome's own escaper, restated
        /[\0-\x1F\x7F-\x9F!]/g,
        (x) => `\\u${x.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )}'`;
  }
  return `'${str}'`;
}

/** Firefox's "Copy as cURL (POSIX)" quoting: \xHH below 256, octal for `!`. */
function firefoxPosix(str: string): string {
  if (/[^\x20-\x7E]|!|'/.test(str)) {
    return `$'${str
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/!/g, '\\041')
      .replace(/[^\x20-\x7E]/g, (x) => {
        const code = x.charCodeAt(0);
        return code < 256
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
      })}'`;
  }
  return `'${str}'`;
}

/** Firefox's "Copy as cURL (Windows)" quoting (no backslash doubling). */
function firefoxCmd(str: string): string {
  return `^"${str
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~/.',?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '"^\r\n\r\n"')}^"`;
}

const CHROME_BASH = `curl 'http://127.0.0.1:3100/v1/records?limit=2&tag=admin' \\
  -H 'Accept: application/json' \\
  -H 'Accept-Language: en-US,en;q=0.9' \\
  -H 'Connection: keep-alive' \\
  -b 'session=abc123; theme=dark' \\
  -H 'Referer: http://127.0.0.1:3100/' \\
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0' \\
  -H 'sec-ch-ua: "Chromium";v="126", "Not.A/Brand";v="24"' \\
  -H 'sec-ch-ua-platform: "Linux"' \\
  -H 'x-tenant: acme' \\
  --compressed ;
curl 'http://127.0.0.1:3100/v1/validate' \\
  -H 'Content-Type: application/json' \\
  -H 'Authorization: Bearer s3cr3t-token' \\
  --data-raw $'{"record":{"name":"O\\'Brien","note":"caf\\u00e9 \\u0021"}}'`;

const FIREFOX_BASH = `curl 'http://127.0.0.1:3100/v1/records' --compressed -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' -H 'Accept: */*' -H 'Content-Type: application/json' -H 'Origin: http://127.0.0.1:3100' -H 'Connection: keep-alive' -H 'Sec-Fetch-Mode: cors' --data-raw $'{"display_name":"Caf\\xe9 \\041"}'`;

const CHROME_CMD = `curl ^"http://127.0.0.1:3100/v1/validate^" ^
  -H ^"Content-Type: application/json^" ^
  -H ^"x-note: 100%^ sure^" ^
  --data-raw ^"^{^\\^"record^\\^":^{^\\^"name^\\^":^\\^"Ada ^& Co^\\^"^}^}^"`;

describe('posix words', () => {
  it("reads quotes, $'…' escapes, continuations and comments; splits commands at ; && | and newlines", () => {
    const text = `# a comment\ncurl "a \\"b\\" \\$HOME $HOME" 'c'\\''d' $'\\x41\\101\\u00e9\\n' e\\ f \\\n  --x && curl g | jq . ; curl h\ncurl i`;
    expect(posixCommands(text).map((c) => [c.words, c.line])).toEqual([
      [['curl', 'a "b" $HOME $HOME', "c'd", 'AAé\n', 'e f', '--x'], 2],
      [['curl', 'g'], 3],
      [['jq', '.'], 3],
      [['curl', 'h'], 3],
      [['curl', 'i'], 4],
    ]);
  });

  it('round-trips any string quoted the way Chrome and Firefox quote it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        for (const quote of [chromePosix, firefoxPosix]) {
          expect(posixCommands(`curl ${quote(value)} x`)[0]?.words).toEqual(['curl', value, 'x']);
        }
      }),
    );
  });
});

describe('cmd words', () => {
  it('round-trips strings quoted the way Firefox quotes them for cmd.exe', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab "^%&|<>!\\{}[]é\'x1'.split('')) }),
        (value) => {
          // The C runtime halves backslashes only before a quote; Firefox does not double them.
          fc.pre(!value.includes('\\'));
          expect(cmdCommands(`curl ${firefoxCmd(value)} x`)[0]?.words).toEqual([
            'curl',
            value,
            'x',
          ]);
        },
      ),
    );
  });

  it('keeps a newline written as ^ and two line breaks (Chrome) and splits "Copy all" at &', () => {
    const text = 'curl ^"http://h/a^" ^\n  --data-raw ^"one^\n\ntwo^" &\r\ncurl ^"http://h/b^"';
    expect(cmdCommands(text).map((c) => c.words)).toEqual([
      ['curl', 'http://h/a', '--data-raw', 'one\ntwo'],
      ['curl', 'http://h/b'],
    ]);
  });
});

describe('importCurl', () => {
  it("reads Chrome's bash copy: headers cleaned later, cookies and credentials kept for the filter, data-raw as sent", () => {
    const { requests, notes } = importCurl(CHROME_BASH);
    expect(notes).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      origin: 'http://127.0.0.1:3100',
      path: '/v1/records',
      query: [
        ['limit', '2'],
        ['tag', 'admin'],
      ],
      body: { kind: 'none' },
      source: 'curl command 1 (line 1)',
    });
    expect(requests[0]?.headers).toContainEqual(['Cookie', 'session=abc123; theme=dark']);
    expect(requests[0]?.headers).toContainEqual(['x-tenant', 'acme']);
    expect(requests[1]).toMatchObject({
      method: 'POST',
      path: '/v1/validate',
      body: { kind: 'text', text: '{"record":{"name":"O\'Brien","note":"café !"}}' },
      source: 'curl command 2 (line 12)',
    });
  });

  it("reads Firefox's bash copy (-X POST, \\x escapes, octal !)", () => {
    const [request] = importCurl(FIREFOX_BASH).requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/records',
      body: { kind: 'text', text: '{"display_name":"Café !"}' },
    });
    expect(request?.headers).toContainEqual(['Origin', 'http://127.0.0.1:3100']);
  });

  it("reads Chrome's cmd copy", () => {
    const [request] = importCurl(CHROME_CMD).requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/validate',
      body: { kind: 'text', text: '{"record":{"name":"Ada & Co"}}' },
    });
    expect(request?.headers).toContainEqual(['x-note', '100% sure']);
  });

  it('follows curl: -d joins with & and sets the form type, -G moves data to the query, -I is HEAD, --json', () => {
    const [form, get, head, json] = importCurl(
      [
        'curl -d a=1 -d "b=2 3" --data-urlencode "c=x y" http://h/form',
        'curl -G -d limit=2 --url-query tag=a http://h/list',
        'curl -I https://h/page',
        'curl --json \'{"a":1}\' -XPUT h/items/1',
      ].join('\n'),
    ).requests;
    expect(form).toMatchObject({
      method: 'POST',
      body: { kind: 'text', text: 'a=1&b=2 3&c=x+y' },
    });
    expect(form?.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded']);
    expect(get).toMatchObject({
      method: 'GET',
      query: [
        ['tag', 'a'],
        ['limit', '2'],
      ],
      body: { kind: 'none' },
      headers: [],
    });
    expect(head).toMatchObject({ method: 'HEAD', origin: 'https://h' });
    expect(json).toMatchObject({
      method: 'PUT',
      origin: 'http://h',
      path: '/items/1',
      body: { kind: 'text', text: '{"a":1}' },
    });
    expect(json?.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json'],
    ]);
  });

  it('keeps dot segments with --path-as-is, as curl sends them, and resolves them without it', () => {
    const [asIs, resolved, root] = importCurl(
      [
        "curl --path-as-is 'http://h:8080/static/../etc/passwd?x=1#top'",
        "curl 'http://h:8080/static/../etc/passwd'",
        'curl --path-as-is http://h',
      ].join('\n'),
    ).requests;
    expect(asIs).toMatchObject({ path: '/static/../etc/passwd', query: [['x', '1']] });
    expect(resolved).toMatchObject({ path: '/etc/passwd' });
    expect(root).toMatchObject({ path: '/' });
  });

  it('turns -u into the credentials it is, builds -F forms, and notes what it cannot read', () => {
    const { requests, notes } = importCurl(
      "curl -u ada:pw -F name=Ada -F photo=@me.png -d @body.json 'http://h/x[1]' --globoff\necho hi",
    );
    expect(requests[0]?.headers).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('ada:pw').toString('base64')}`,
    ]);
    expect(requests[0]?.body).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('name="name"\r\n\r\nAda'),
    });
    expect(notes).toEqual([
      'curl command 1 (line 1): --data @body.json reads a file, which an import cannot: left out',
      'curl command 1 (line 1): -F photo=@me.png sends a file, which an import cannot: left out',
    ]);
    expect(importCurl('echo nothing').notes).toEqual(['found no curl command']);
  });
});

describe('importCurl: what curl sends', () => {
  it('sends POST for any data option, even when its @file is left out; --data-raw @ is literal', () => {
    const { requests, notes } = importCurl(
      [
        "curl --data-binary @payload.json -H 'Content-Type: application/json' http://h/a",
        'curl -d @form.txt http://h/b',
        'curl --json @body.json http://h/c',
        'curl --data-raw @literal http://h/d',
        'curl -T upload.bin http://h/e',
        'curl -G -d @q.txt http://h/f',
      ].join('\n'),
    );
    expect(requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', { kind: 'none' }],
      ['POST', { kind: 'none' }],
      ['POST', { kind: 'none' }],
      ['POST', { kind: 'text', text: '@literal' }],
      ['PUT', { kind: 'none' }],
      ['GET', { kind: 'none' }],
    ]);
    // curl's --json accept header is sent whatever the data's source.
    expect(requests[2]?.headers).toContainEqual(['Accept', 'application/json']);
    expect(notes).toEqual([
      'curl command 1 (line 1): --data-binary @payload.json reads a file, which an import cannot: left out',
      'curl command 2 (line 2): --data @form.txt reads a file, which an import cannot: left out',
      'curl command 3 (line 3): --json @body.json reads a file, which an import cannot: left out',
      'curl command 5 (line 5): -T upload.bin uploads a file, which an import cannot: left out',
      'curl command 6 (line 6): --data @q.txt reads a file, which an import cannot: left out',
    ]);
  });

  it('keeps -X as written, --form-string values literal, and the query string as sent', () => {
    const [custom, form, query] = importCurl(
      [
        'curl -X post http://h/a',
        'curl --form-string note=@not-a-file http://h/b',
        "curl 'http://user:pw@h/s?q=a%20b&flag&tags=a,b' --url-query 'x=c d' --url-query +raw=%41",
      ].join('\n'),
    ).requests;
    expect(custom?.method).toBe('post');
    expect(form?.body).toMatchObject({ text: expect.stringContaining('\r\n\r\n@not-a-file\r\n') });
    expect(query).toMatchObject({
      rawQuery: 'q=a%20b&flag&tags=a,b&x=c+d&raw=%41',
      credentials: ['URL userinfo'],
    });
  });
});

describe('curl -K', () => {
  it('says the options it reads from a file are left out', () => {
    const { requests, notes } = importCurl("curl -K opts.txt 'http://127.0.0.1:9/x'");
    expect(requests.map((r) => r.path)).toEqual(['/x']);
    expect(notes.join('\n')).toContain('-K opts.txt reads more options from a file');
  });
});

describe('curl auth helpers', () => {
  it('names --digest, --ntlm, --negotiate, --anyauth and --aws-sigv4 (whose value is not a URL)', () => {
    const { requests, notes } = importCurl(
      "curl --digest -u a:b http://h/d\ncurl --aws-sigv4 'aws:amz:us-east-1:s3' https://s3.test/k",
    );
    expect(requests.map((r) => `${r.origin ?? ''}${r.path}`)).toEqual([
      'http://h/d',
      'https://s3.test/k',
    ]);
    expect(notes).toEqual([
      'curl command 1 (line 1): --digest: curl computes digest auth per request, which a case cannot: set the credentials per target in parity.config.yaml (targets.<name>.headers), or the server must accept the cases without it',
      'curl command 2 (line 2): --aws-sigv4: curl computes an AWS Signature Version 4 per request, which a case cannot: set the credentials per target in parity.config.yaml (targets.<name>.headers), or the server must accept the cases without it',
    ]);
  });
});

describe('curl fixtures written by others (curlconverter)', () => {
  it('starts a new set of options at --next: the data before it is not sent after it', () => {
    // From curlconverter's multiple_urls.sh, without the uploads.
    const { requests } = importCurl(
      "curl --data 'fooo=blah' 'http://h:1' --next http://h:1/two --data different=data",
    );
    expect(
      requests.map((r) => [r.method, r.path, r.body.kind === 'text' ? r.body.text : '', r.source]),
    ).toEqual([
      ['POST', '/', 'fooo=blah', 'curl command 1 (line 1), part 1'],
      ['POST', '/two', 'different=data', 'curl command 1 (line 1), part 2'],
    ]);
    const plain = importCurl('curl http://h:1/a -: -H "X-A: 1" http://h:1/b');
    expect(plain.requests.map((r) => [r.path, r.headers])).toEqual([
      ['/a', []],
      ['/b', [['X-A', '1']]],
    ]);
  });

  it('appends the dash a digits-only range lacks, as curl does (range.sh), and -C N resumes', () => {
    const range = (command: string) =>
      importCurl(command).requests[0]?.headers.find(([n]) => n === 'Range')?.[1];
    expect(range("curl 'http://h:1' --range 600")).toBe('bytes=600-');
    expect(range("curl 'http://h:1' -r 0-99")).toBe('bytes=0-99');
    expect(range("curl 'http://h:1' -r -500")).toBe('bytes=-500');
    expect(range("curl 'http://h:1' -C 100")).toBe('bytes=100-');
    const resume = importCurl("curl -C - -o out 'http://h:1'");
    expect(resume.requests[0]?.headers).toEqual([]);
    expect(resume.notes.join('\n')).toContain('-C - resumes where the output file ends');
  });

  it('escapes --data-urlencode as curl_easy_escape does (+ for space) and reads = before @', () => {
    const body = (command: string) => {
      const b = importCurl(command).requests[0]?.body;
      return b?.kind === 'text' ? b.text : undefined;
    };
    expect(body('curl http://h:1 --data-urlencode "msg=hello world!(*)\'"')).toBe(
      'msg=hello+world%21%28%2A%29%27',
    );
    expect(body('curl http://h:1 --data-urlencode "a@b=c d"')).toBe('a@b=c+d');
    const query = importCurl("curl -G http://h:1 --url-query 'q=a b'").requests[0];
    expect(query?.rawQuery).toBe('q=a+b');
  });

  it('never reads the value of a value option as a URL, and names what changes the request', () => {
    const { requests, notes } = importCurl(
      'curl --noproxy localhost --unix-socket /run/d.sock --proxy-header "X: y" -z "1 Jan 2020" --request-target "*" -n http://h:1/x',
    );
    expect(requests.map((r) => `${r.origin ?? ''}${r.path}`)).toEqual(['http://h:1/x']);
    expect(notes).toEqual([
      "curl command 1 (line 1): --unix-socket /run/d.sock: curl sends the request over this Unix socket instead of to the URL's host, which an import cannot: left out",
      'curl command 1 (line 1): -z 1 Jan 2020: curl adds an If-Modified-Since (or If-Unmodified-Since) header from a date or a file, which an import cannot: left out',
      "curl command 1 (line 1): --request-target *: curl sends this request target instead of the URL's path, which an import cannot: left out",
      'curl command 1 (line 1): -n: curl reads credentials from ~/.netrc, which an import cannot: left out',
    ]);
  });
});

describe('curl URL globbing', () => {
  const urls = (command: string) =>
    importCurl(command).requests.map(
      (r) => `${r.path}${r.rawQuery === undefined ? '' : `?${r.rawQuery}`}`,
    );

  it('sends one request per {a,b} alternative and [1-3] step, as curl does; -g turns it off', () => {
    expect(urls("curl 'http://h:1/x?foo={bar,baz}'")).toEqual(['/x?foo=bar', '/x?foo=baz']);
    expect(urls("curl 'http://h:1/page/[1-3]/[a-b]'")).toEqual([
      '/page/1/a',
      '/page/1/b',
      '/page/2/a',
      '/page/2/b',
      '/page/3/a',
      '/page/3/b',
    ]);
    expect(urls("curl 'http://h:1/f[08-10:2].txt'")).toEqual(['/f08.txt', '/f10.txt']);
    // As written; the case file writes them percent-encoded, as curl sends them.
    expect(urls("curl -g 'http://h:1/x?foo={bar,baz}'")).toEqual(['/x?foo={bar,baz}']);
    expect(urls("curl 'http://h:1/x?a=\\{b\\}'")).toEqual(['/x?a={b}']);
    expect(importCurl("curl 'http://[::1]:1/v6'").requests.map((r) => r.origin)).toEqual([
      'http://[::1]:1',
    ]);
  });

  it('keeps the first 100 URLs of a larger pattern, noted', () => {
    const { requests, notes } = importCurl("curl 'http://h:1/n/[1-500]'");
    expect(requests).toHaveLength(100);
    expect(notes).toEqual([
      'curl command 1 (line 1): "http://h:1/n/[1-500]" is a curl URL pattern of more than 100 URLs: the first 100 are imported',
    ]);
  });
});

describe('curl -F fields as curl reads them (curlconverter form_quotes.sh)', () => {
  const body = (command: string) => {
    const b = importCurl(command).requests[0]?.body;
    return b?.kind === 'text' ? b.text : '';
  };

  it('sends a "quoted" value without its quotes, and ;type= as the part content type', () => {
    const quoted = body(`curl http://h:1/wan --form 'token="9d96"' --form 'apply="a \\"b\\" c;d"'`);
    expect(quoted).toContain('name="token"\r\n\r\n9d96\r\n');
    expect(quoted).toContain('name="apply"\r\n\r\na "b" c;d\r\n');
    const typed = body(
      `curl http://h:1/e -F 'input={"a": 1};type=application/json' -F 'n=x;filename=n.txt'`,
    );
    expect(typed).toContain(
      'Content-Disposition: form-data; name="input"\r\nContent-Type: application/json\r\n\r\n{"a": 1}\r\n',
    );
    expect(typed).toContain('name="n"; filename="n.txt"\r\n\r\nx\r\n');
    expect(body(`curl http://h:1/s --form-string 'raw="q";type=x'`)).toContain(
      '\r\n\r\n"q";type=x\r\n',
    );
  });

  it("names the body's boundary in a Content-Type the command sets for its form", () => {
    const request = importCurl(
      `curl http://h:1/d -H "Content-Type: multipart/related; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW" -F a=1`,
    ).requests[0];
    expect(request?.headers).toEqual([
      ['Content-Type', 'multipart/related; boundary=----parity-form-boundary'],
    ]);
  });
});

describe('curl data from the script itself (curlconverter bash_redirect_heredoc.sh)', () => {
  const body = (script: string) =>
    importCurl(script).requests.map((r) => (r.body.kind === 'text' ? r.body.text : r.body.kind));

  it('sends a here-document or here-string as the @- data it feeds curl', () => {
    const heredoc = [
      '# a comment',
      'curl -X POST http://h:1/shared/ -H "Content-Type: application/json" --data-binary @- <<DATA',
      '{"server_id": "0",',
      '  "shared": {"id": 1}}',
      'DATA',
      'curl http://h:1/after',
    ].join('\n');
    const { requests, notes } = importCurl(heredoc);
    expect(notes).toEqual([]);
    expect(requests.map((r) => [r.path, r.source])).toEqual([
      ['/shared/', 'curl command 1 (line 2)'],
      ['/after', 'curl command 2 (line 6)'],
    ]);
    expect(body(heredoc)[0]).toBe('{"server_id": "0",\n  "shared": {"id": 1}}\n');
    // -d strips the line breaks of what it reads; <<- strips leading tabs; a quoted delimiter.
    expect(body("curl http://h:1/f -d @- <<-'END'\n\ta=1\n\t&b=2\n\tEND\n")).toEqual(['a=1&b=2']);
    expect(body('curl http://h:1/s --json @- <<< \'{"a": 1}\'')).toEqual(['{"a": 1}\n']);
  });

  it('keeps the line breaks of a -d value given on the command line, as curl sends them', () => {
    expect(body("curl http://h:1/x -d 'a=1\nb=2'")).toEqual(['a=1\nb=2']);
  });
});
