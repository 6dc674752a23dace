/**
 * undici's `Pool` class by its own module: importing it alone (rather than the
 * package index, which also loads fetch, WebSocket, cookies, caches…) keeps the
 * bundled CLI small and its start-up fast. Types come from the package.
 */
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';

  const PoolClass: typeof Pool;
  export default PoolClass;
}
