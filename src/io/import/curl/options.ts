/**
 * curl's options that shape a request, and those that only change what curl
 * does with the answer (ignored here). A short option may be glued to its
 * value (`-XPOST`) or to other short switches (`-sSL`). Pure.
 */

/** Options that take a value and shape the request, by every name curl accepts. */
export const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  '-X': 'request',
  '--request': 'request',
  '-H': 'header',
  '--header': 'header',
  '-d': 'data',
  '--data': 'data',
  '--data-ascii': 'data',
  '--data-raw': 'data-raw',
  '--data-binary': 'data-binary',
  '--data-urlencode': 'data-urlencode',
  '--json': 'json',
  '-u': 'user',
  '--user': 'user',
  '-b': 'cookie',
  '--cookie': 'cookie',
  '-A': 'user-agent',
  '--user-agent': 'user-agent',
  '-e': 'referer',
  '--referer': 'referer',
  '-F': 'form',
  '--form': 'form',
  '--form-string': 'form-string',
  '--url': 'url',
  '--url-query': 'url-query',
  '-r': 'range',
  '--range': 'range',
  '-C': 'continue-at',
  '--continue-at': 'continue-at',
  '-T': 'upload-file',
  '--upload-file': 'upload-file',
  '--oauth2-bearer': 'bearer',
};

/** Switches that shape the request. */
export const SWITCH_OPTIONS: Readonly<Record<string, string>> = {
  '-G': 'get',
  '--get': 'get',
  '-I': 'head',
  '--head': 'head',
  '--path-as-is': 'path-as-is',
  '-g': 'globoff',
  '--globoff': 'globoff',
};

/**
 * Auth helpers: curl computes credentials or a signature for each request
 * (a digest answers the server's challenge), which a case cannot: noted.
 * By option, what each does; `--aws-sigv4` takes a value.
 */
export const AUTH_HELPERS: Readonly<Record<string, string>> = {
  '--digest': 'digest auth',
  '--ntlm': 'NTLM auth',
  '--ntlm-wb': 'NTLM auth',
  '--negotiate': 'Negotiate (SPNEGO) auth',
  '--anyauth': 'whichever auth the server asks for',
  '--aws-sigv4': 'an AWS Signature Version 4',
};

/**
 * Options that take a value but do not change the request sent (every other
 * value option of curl's `tool_getparam.c` table): their value is never read
 * as a URL.
 */
const IGNORED_WITH_VALUE = new Set([
  '--aws-sigv4',
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '--proxy-user',
  '-U',
  '--resolve',
  '--connect-to',
  '--cacert',
  '--capath',
  '-E',
  '--cert',
  '--key',
  '--cert-type',
  '--key-type',
  '--limit-rate',
  '-c',
  '--cookie-jar',
  '-D',
  '--dump-header',
  '--max-redirs',
  '--interface',
  '--dns-servers',
  '-K',
  '--config',
  '--trace',
  '--trace-ascii',
  '--stderr',
  '-y',
  '--speed-time',
  '-Y',
  '--speed-limit',
  '--expect100-timeout',
  '--keepalive-time',
  '--output-dir',
  '--alt-svc',
  '--ciphers',
  '--create-file-mode',
  '--crlfile',
  '--curves',
  '--delegation',
  '--dns-interface',
  '--dns-ipv4-addr',
  '--dns-ipv6-addr',
  '--doh-url',
  '--ech',
  '--egd-file',
  '--engine',
  '--etag-save',
  '--ftp-account',
  '--ftp-alternative-to-user',
  '--ftp-method',
  '-P',
  '--ftp-port',
  '--ftp-ssl-ccc-mode',
  '--happy-eyeballs-timeout-ms',
  '--haproxy-clientip',
  '--hostpubmd5',
  '--hostpubsha256',
  '--hsts',
  '--ip-tos',
  '--ipfs-gateway',
  '--keepalive-cnt',
  '--knownhosts',
  '--krb',
  '--krb4',
  '--libcurl',
  '--local-port',
  '--login-options',
  '--mail-auth',
  '--mail-from',
  '--mail-rcpt',
  '--max-filesize',
  '--noproxy',
  '--parallel-max',
  '--parallel-max-host',
  '--pass',
  '--pinnedpubkey',
  '--preproxy',
  '--proto',
  '--proto-redir',
  '--proxy-cacert',
  '--proxy-capath',
  '--proxy-cert',
  '--proxy-cert-type',
  '--proxy-ciphers',
  '--proxy-crlfile',
  '--proxy-header',
  '--proxy-key',
  '--proxy-key-type',
  '--proxy-pass',
  '--proxy-pinnedpubkey',
  '--proxy-service-name',
  '--proxy-tls13-ciphers',
  '--proxy-tlsauthtype',
  '--proxy-tlspassword',
  '--proxy-tlsuser',
  '--proxy1.0',
  '--pubkey',
  '-Q',
  '--quote',
  '--random-file',
  '--rate',
  '--sasl-authzid',
  '--service-name',
  '--sigalgs',
  '--socks4',
  '--socks4a',
  '--socks5',
  '--socks5-gssapi-service',
  '--socks5-hostname',
  '--ssl-sessions',
  '-t',
  '--telnet-option',
  '--tftp-blksize',
  '--tls-max',
  '--tls13-ciphers',
  '--tlsauthtype',
  '--tlspassword',
  '--tlsuser',
  '--trace-config',
  '--upload-flags',
  '--variable',
  '--vlan-priority',
]);

/**
 * Value options that change the request in a way a case cannot follow (or
 * read a file): left out with a note saying what curl would have done.
 */
export const UNSUPPORTED_WITH_VALUE: Readonly<Record<string, string>> = {
  '--request-target': "sends this request target instead of the URL's path",
  '--unix-socket': "sends the request over this Unix socket instead of to the URL's host",
  '--abstract-unix-socket':
    "sends the request over this abstract Unix socket instead of to the URL's host",
  '-z': 'adds an If-Modified-Since (or If-Unmodified-Since) header from a date or a file',
  '--time-cond': 'adds an If-Modified-Since (or If-Unmodified-Since) header from a date or a file',
  '--etag-compare': 'adds an If-None-Match header read from a file',
  '--netrc-file': 'reads credentials from this file',
  '--proto-default': 'sets the scheme of URLs written without one',
};

/** Switches that change the request in a way an import cannot follow: noted. */
export const UNSUPPORTED_SWITCHES: Readonly<Record<string, string>> = {
  '-n': 'reads credentials from ~/.netrc',
  '--netrc': 'reads credentials from ~/.netrc',
  '--netrc-optional': 'reads credentials from ~/.netrc',
};

/** The value options whose value must be separate or glued (short form). */
export function takesValue(option: string): boolean {
  return (
    VALUE_OPTIONS[option] !== undefined ||
    IGNORED_WITH_VALUE.has(option) ||
    UNSUPPORTED_WITH_VALUE[option] !== undefined
  );
}

/** True for a short option letter that takes a value (`X` of `-XPOST`). */
export function shortTakesValue(letter: string): boolean {
  return takesValue(`-${letter}`);
}
