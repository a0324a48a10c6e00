/** Per-epoch mean ± sd of several seeds' curves, for MiniChart (nulls where no seed has a value). */
export function bandOf(curves: readonly (readonly (number | null)[])[]): {
  values: (number | null)[];
  sd: (number | null)[];
} {
  const len = Math.max(0, ...curves.map((c) => c.length));
  const values: (number | null)[] = [];
  const sd: (number | null)[] = [];
  for (let e = 0; e < len; e++) {
    const v = curves.map((c) => c[e]).filter((x): x is number => typeof x === 'number');
    if (v.length === 0) {
      values.push(null);
      sd.push(null);
      continue;
    }
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const q = v.reduce((a, b) => a + (b - mean) ** 2, 0);
    values.push(mean);
    sd.push(v.length > 1 ? Math.sqrt(q / (v.length - 1)) : 0);
  }
  return { values, sd };
}
