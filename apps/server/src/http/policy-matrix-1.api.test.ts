import { definePolicyMatrix } from './policy-matrix.ts';

// The route × role matrix (policy-matrix.ts) in three files, so that a run spreads it over its workers.
definePolicyMatrix(1, 3);
