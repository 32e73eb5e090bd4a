import { z } from 'zod';

/**
 * In the browser zod must never try `new Function`: the web app's CSP has no 'unsafe-eval', and
 * zod's probe for it (made when an object schema is built) is reported as a CSP violation on every
 * page even though zod catches the error. Jitless parsing is what it falls back to anyway. On the
 * server (no document) zod keeps its faster compiled parsers. Imported first by index.ts, so it
 * runs before any schema below is built.
 */
if ('document' in globalThis) z.config({ jitless: true });
