/** Experiments: sweep specifications, their results, seed statistics and the curves they show. */
export * from './spec';
export * from './apply';
export * from './stats';
export * from './results';
export * from './curves';
