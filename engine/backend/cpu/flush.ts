/**
 * Flush to zero for the values optimizer updates write (weights and their state).
 *
 * L2 on a unit that no longer gets a data gradient (a dead ReLU, an unused input) drives its
 * weights towards zero ever faster under Adam; in float32 they reach the subnormal range (below
 * 2^−126), where x86 processors take a slow path for every instruction that touches them: a
 * 200k-row epoch of a 32-32-3 network took 10× longer with λ = 1e−3. Native libraries turn on
 * the processor's flush-to-zero; WebAssembly cannot, so the updates flush what they write.
 * The threshold is 2^−100, not 2^−126, so that a weight just above it times an activation or
 * gradient down to 2^−26 is still a normal number (at 2^−126 products stayed slow, 2×). A
 * weight that small changes no output of a float32 network; NaN is kept so that a divergence
 * still shows.
 */

/** 2^−100: values of smaller magnitude are written as +0. */
export const FLUSH_BELOW = 7.888609052210118e-31;

/** x, or +0 where its magnitude is below FLUSH_BELOW (NaN is kept). */
export const flushed = (x: number): number => (Math.abs(x) < FLUSH_BELOW ? 0 : x);
