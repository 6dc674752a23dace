/**
 * HTTP reason phrases (`404` → `Not Found`): node:http's `STATUS_CODES`
 * table, copied (a unit test keeps it equal to node's), so that a command
 * that sends nothing never loads the HTTP modules. A value is read as a
 * status's phrase however a server spells it: `Bad Request`, `BAD_REQUEST`,
 * `bad_request` and `badrequest` are the phrase of `400` (case, spaces and
 * `_` ignored). Pure.
 */

/** node:http's `STATUS_CODES`. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** `Bad Request` → `badrequest`: what is left to compare once case, spaces and `_` are dropped. */
function squashed(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '');
}

/** The reason phrase of `status` (`400` → `Bad Request`); undefined for a status with none. */
export function reasonPhrase(status: number | undefined): string | undefined {
  return status === undefined ? undefined : REASON_PHRASES[status];
}

/** True when `value` is the reason phrase of `status`, spelled any of the ways above. */
export function isReasonPhrase(value: unknown, status: number | undefined): boolean {
  const phrase = reasonPhrase(status);
  if (phrase === undefined || typeof value !== 'string' || value.trim() === '') return false;
  return squashed(value) === squashed(phrase);
}
