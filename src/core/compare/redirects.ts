/**
 * The routing convention behind a redirect (issue 43: a status decision is
 * keyed by what changed, not by where). When one side redirects a request
 * (a `3xx` with a `Location`) and the other does not, the rule that maps the
 * request's path to the `Location` is what that side does: clean URLs
 * (`/about.html` → `/about`, `/index.html` → `/`), a trailing slash added
 * (`/docs` → `/docs/`) or dropped, an extension added. A redirect to a path
 * no such rule gives (`/old` → `/new`) has none: it is that endpoint's own.
 * Pure.
 */

/** A rule a redirect follows: `drop .html`, `add .html`, `add /`, `drop /`. */
export type Rewrite = string;

const EXTENSION = /^(.*[^/])(\.[A-Za-z0-9]{1,8})$/;

/** The path of a `Location` as resolved against the request's path; undefined for another origin. */
function locationPath(requestPath: string, location: string): string | undefined {
  try {
    const base = new URL(requestPath, 'http://parity.invalid');
    const target = new URL(location, base);
    return target.origin === base.origin ? target.pathname : undefined;
  } catch {
    return undefined;
  }
}

/** `path` without its query. */
function pathOnly(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/**
 * The rule by which a redirect maps `requestPath` to `location`; undefined
 * when it follows none of them (see the module comment).
 */
export function redirectRewrite(requestPath: string, location: string): Rewrite | undefined {
  const from = pathOnly(requestPath);
  const to = locationPath(from, location);
  if (to === undefined || to === from) return undefined;
  if (to === `${from}/`) return 'add /';
  if (from.endsWith('/') && to === from.slice(0, -1)) return 'drop /';
  const dropped = EXTENSION.exec(from);
  if (dropped !== null) {
    const [, stem = '', extension = ''] = dropped;
    // `/index.html` → `/`: the index file of its folder, written without its name.
    if (to === stem || (stem.endsWith('/index') && to === stem.slice(0, -'index'.length))) {
      return `drop ${extension}`;
    }
  }
  const added = EXTENSION.exec(to);
  if (added !== null && added[1] === from) return `add ${added[2] ?? ''}`;
  return undefined;
}

/** Where a redirect by `rewrite` sends `path` (a path template): undefined when it cannot apply. */
export function rewriteTarget(rewrite: Rewrite, path: string): string | undefined {
  const [verb = '', what = ''] = rewrite.split(' ');
  if (what === '/') {
    if (verb === 'add') return path.endsWith('/') ? undefined : `${path}/`;
    return path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : undefined;
  }
  if (verb === 'add') return `${path}${what}`;
  if (!path.endsWith(what)) return undefined;
  const stem = path.slice(0, -what.length);
  return stem.endsWith('/index') ? stem.slice(0, -'index'.length) : stem;
}

/** The rule in words: ``without its `.html` extension``, ``with a trailing `/` ``. */
export function rewriteWords(rewrite: Rewrite): string {
  const [verb = '', what = ''] = rewrite.split(' ');
  const thing = what === '/' ? 'a trailing `/`' : `the \`${what}\` extension`;
  return `${verb === 'add' ? 'with' : 'without'} ${thing}`;
}
