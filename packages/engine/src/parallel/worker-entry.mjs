// Plain-JS entry for worker threads: registers tsx's TypeScript loader in this thread, then loads the
// worker. (A --import flag in execArgv is not applied reliably to workers on Node 20.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
