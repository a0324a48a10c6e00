/**
 * Long data passes are generators that yield between stretches of work, so the main side can
 * pause (see pipeline.ts `prepareAsync`); `runSteps` runs one to its end without pausing
 * (tests, the CLI, small tables).
 */
export function runSteps<T>(it: Generator<void, T>): T {
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
