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

/** Options that take a value but do not change the request sent. */
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
]);

/** The value options whose value must be separate or glued (short form). */
export function takesValue(option: string): boolean {
  return VALUE_OPTIONS[option] !== undefined || IGNORED_WITH_VALUE.has(option);
}

/** True for a short option letter that takes a value (`X` of `-XPOST`). */
export function shortTakesValue(letter: string): boolean {
  return takesValue(`-${letter}`);
}
