/**
 * Early-stopping criteria of Prechelt ("Early Stopping — But When?", 1998) and curve slopes, as
 * pure functions of loss histories (index 0 = epoch 1).
 *
 * - Generalization loss:  GL(t) = 100 · (E_va(t) / E_opt(t) − 1), E_opt(t) = min_{t' ≤ t} E_va(t')
 * - Training progress over a strip of k epochs ending at t:
 *       P_k(t) = 1000 · (Σ_{t'=t−k+1..t} E_tr(t') / (k · min_{t'} E_tr(t')) − 1)
 * - Progress quotient:    PQ_k(t) = GL(t) / P_k(t)
 * - Slope: least-squares slope of y over the last w points, per epoch.
 */

/** GL(t) in percent; 0 when E_opt is 0 or not finite. */
export function generalizationLoss(valLoss: number, bestValLoss: number): number {
  if (!(bestValLoss > 0) || !Number.isFinite(bestValLoss) || !Number.isFinite(valLoss)) return 0;
  return 100 * (valLoss / bestValLoss - 1);
}

/**
 * P_k(t) in per mille for the strip of k epochs ending at index `end` (inclusive) of `train`.
 * NaN when fewer than k epochs exist; ∞ when the strip's minimum is 0 but not all are 0.
 */
export function trainingProgress(train: ArrayLike<number>, end: number, k: number): number {
  if (end + 1 < k) return NaN;
  let sum = 0;
  let min = Infinity;
  for (let i = end - k + 1; i <= end; i++) {
    const v = train[i]!;
    sum += v;
    if (v < min) min = v;
  }
  if (min === 0) return sum === 0 ? 0 : Infinity;
  return 1000 * (sum / (k * min) - 1);
}

/** PQ_k(t) = GL(t) / P_k(t); ∞ when the training has stopped progressing (P = 0) and GL > 0. */
export function progressQuotient(gl: number, progress: number): number {
  if (Number.isNaN(progress)) return NaN;
  if (progress === 0) return gl > 0 ? Infinity : 0;
  return gl / progress;
}

/**
 * Least-squares slope of the last w values of y ending at index `end`, per index step:
 * b = Σ (i − ī)(y_i − ȳ) / Σ (i − ī)². NaN with fewer than 2 points.
 */
export function slope(y: ArrayLike<number>, end: number, w: number): number {
  const n = Math.min(w, end + 1);
  if (n < 2) return NaN;
  const start = end - n + 1;
  const mi = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[start + i]!;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = i - mi;
    sxy += dx * (y[start + i]! - my);
    sxx += dx * dx;
  }
  return sxy / sxx;
}

/**
 * Least-squares line through y[start..end] (inclusive): slope b and its t statistic
 * t = b / SE(b), SE(b) = √(Σ r² / (n − 2) / Σ (i − ī)²) with residuals r. A rise is significant
 * when t ≥ 2 (about 95 %). t is ∞ for a perfect rising line; NaN with fewer than 3 points.
 */
export function trend(
  y: ArrayLike<number>,
  start: number,
  end: number,
): { slope: number; t: number } {
  const n = end - start + 1;
  if (n < 3) return { slope: NaN, t: NaN };
  const mi = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[start + i]!;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mi) * (y[start + i]! - my);
    sxx += (i - mi) * (i - mi);
  }
  const b = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[start + i]! - (my + b * (i - mi));
    rss += r * r;
  }
  const se = Math.sqrt(rss / (n - 2) / sxx);
  return { slope: b, t: se > 0 ? b / se : b > 0 ? Infinity : b < 0 ? -Infinity : 0 };
}

/** Mean of the last k values ending at `end` (fewer at the start). */
export function movingAverage(y: ArrayLike<number>, end: number, k: number): number {
  const n = Math.min(k, end + 1);
  let s = 0;
  for (let i = end - n + 1; i <= end; i++) s += y[i]!;
  return s / n;
}

/**
 * Noise level of y around index `end`: σ̂ = median |y_i − y_{i−1}| / 0.954 over the last w steps
 * (for white noise of σ, Δ ~ N(0, 2σ²) and median |Δ| = 0.674 · √2 · σ ≈ 0.954 σ).
 */
export function noiseLevel(y: ArrayLike<number>, end: number, w: number): number {
  const n = Math.min(w, end);
  if (n < 1) return 0;
  const d: number[] = [];
  for (let i = end - n + 1; i <= end; i++) d.push(Math.abs(y[i]! - y[i - 1]!));
  d.sort((a, b) => a - b);
  const m = d.length >> 1;
  const median = d.length % 2 === 1 ? d[m]! : (d[m - 1]! + d[m]!) / 2;
  return median / 0.954;
}
