/**
 * Seed statistics: mean ± sample standard deviation, and Welch's t-test (unequal variances) for
 * "is this difference larger than the seed noise?". A comparison with fewer than two seeds on
 * either side gives no verdict: one seed cannot tell a real difference from luck.
 */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

export interface WelchResult {
  t: number;
  df: number;
  /** Two-sided p value. */
  p: number;
}

/** Welch's t-test of two samples (each with at least two values). */
export function welch(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) throw new Error("Welch's t-test needs two values per side");
  const va = sd(a) ** 2 / a.length;
  const vb = sd(b) ** 2 / b.length;
  const diff = mean(a) - mean(b);
  const se = Math.sqrt(va + vb);
  if (se === 0)
    return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: NaN, p: diff === 0 ? 1 : 0 };
  const t = diff / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df, p: studentTwoSided(t, df) };
}

export interface Comparison {
  verdict: 'significant' | 'not significant' | 'needs seeds';
  /** mean(a) − mean(b). */
  difference: number;
  p: number | null;
  message: string;
}

/** Whether two sets of seed results differ by more than the seed noise (α = 0.05). */
export function compareSeeds(a: readonly number[], b: readonly number[], alpha = 0.05): Comparison {
  const difference = mean(a) - mean(b);
  if (a.length < 2 || b.length < 2) {
    return {
      verdict: 'needs seeds',
      difference,
      p: null,
      message: 'No verdict: run at least two seeds of each to compare against the seed noise.',
    };
  }
  const { p } = welch(a, b);
  const significant = p < alpha;
  return {
    verdict: significant ? 'significant' : 'not significant',
    difference,
    p,
    message: significant
      ? `The difference is larger than the seed noise (Welch's t-test, p = ${fmtP(p)}).`
      : `The difference is within the seed noise (Welch's t-test, p = ${fmtP(p)}): not significant.`,
  };
}

export const fmtP = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  // The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-12) break;
  }
  return h;
}

/** ln Γ(z), Lanczos approximation (g = 7, n = 9). */
export function lnGamma(z: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lnGamma(1 - z);
  z -= 1;
  let x = g[0]!;
  for (let i = 1; i < 9; i++) x += g[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}
