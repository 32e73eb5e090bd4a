// Plain-JS entry for the analysis worker thread: registers tsx's TypeScript loader here, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis.worker.ts');
