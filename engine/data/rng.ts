/**
 * Seeded pseudo-random numbers: every random choice in the engine (weight initialisation,
 * shuffling, dropout masks) draws from one of these, so the same seed gives bit-identical runs.
 *
 * Generator: mulberry32 (32-bit state, period 2^32), which is fast in JavaScript and exactly
 * reproducible because it only uses 32-bit integer arithmetic. `float()` maps one draw u to
 * u / 2^32 in [0, 1); `normal()` uses the Box–Muller transform on two draws.
 */
export class Rng {
  /** The 32-bit state, kept in a typed array so updating it never allocates a boxed number. */
  private readonly s = new Uint32Array(1);

  /** @param seed any finite number; its low 32 bits are the starting state. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    this.s[0] = seed >>> 0;
  }

  /** The next unsigned 32-bit integer. */
  nextU32(): number {
    const state = (this.s[0]! + 0x6d2b79f5) >>> 0;
    this.s[0] = state;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }

  /** Standard normal N(0, 1) via Box–Muller: sqrt(-2 ln u1) · cos(2π u2), u1 in (0, 1]. */
  normal(): number {
    const u1 = 1 - this.float();
    const u2 = this.float();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Fisher–Yates shuffle of `a[0..n)` in place (n defaults to a.length). */
  shuffle(a: { [i: number]: number; length: number }, n = a.length): void {
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i] as number;
      a[i] = a[j] as number;
      a[j] = t;
    }
  }

  /** The current state, to resume the same sequence later with `Rng.fromState`. */
  getState(): number {
    return this.s[0]!;
  }

  static fromState(state: number): Rng {
    return new Rng(state);
  }
}
