/**
 * Register-tiled single-precision matrix product for the CPU backend.
 *
 * C (M × N, row-major, leading dimension N) = A' · B' (+ C when `acc`), where A' and B' are
 * addressed through strides so that transposed operands need no copy:
 * A'(i, k) = A[i·sai + k·sak] and B'(k, j) = B[k·sbk + j·sbj].
 *
 * The core computes a 4 × 4 block of C in 16 local accumulators while walking k, loading four
 * values of A' and four of B' per step (16 multiply-adds per 8 loads). Accumulation happens in
 * float64 (JavaScript numbers) and is rounded to float32 once, on the store.
 */
export type Gemm = (
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  sai: number,
  sak: number,
  B: Float32Array,
  sbk: number,
  sbj: number,
  C: Float32Array,
  acc: boolean,
) => void;

export function gemm(
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  sai: number,
  sak: number,
  B: Float32Array,
  sbk: number,
  sbj: number,
  C: Float32Array,
  acc: boolean,
): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  const a1 = sai,
    a2 = 2 * sai,
    a3 = 3 * sai;
  const b1 = sbj,
    b2 = 2 * sbj,
    b3 = 3 * sbj;
  for (let i = 0; i < M4; i += 4) {
    const r0 = i * N,
      r1 = r0 + N,
      r2 = r1 + N,
      r3 = r2 + N;
    for (let j = 0; j < N4; j += 4) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0,
        c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let pa = i * sai;
      let pb = j * sbj;
      for (let k = 0; k < K; k++) {
        const x0 = A[pa]!,
          x1 = A[pa + a1]!,
          x2 = A[pa + a2]!,
          x3 = A[pa + a3]!;
        const y0 = B[pb]!,
          y1 = B[pb + b1]!,
          y2 = B[pb + b2]!,
          y3 = B[pb + b3]!;
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
        c20 += x2 * y0;
        c21 += x2 * y1;
        c22 += x2 * y2;
        c23 += x2 * y3;
        c30 += x3 * y0;
        c31 += x3 * y1;
        c32 += x3 * y2;
        c33 += x3 * y3;
        pa += sak;
        pb += sbk;
      }
      if (acc) {
        c00 += C[r0 + j]!;
        c01 += C[r0 + j + 1]!;
        c02 += C[r0 + j + 2]!;
        c03 += C[r0 + j + 3]!;
        c10 += C[r1 + j]!;
        c11 += C[r1 + j + 1]!;
        c12 += C[r1 + j + 2]!;
        c13 += C[r1 + j + 3]!;
        c20 += C[r2 + j]!;
        c21 += C[r2 + j + 1]!;
        c22 += C[r2 + j + 2]!;
        c23 += C[r2 + j + 3]!;
        c30 += C[r3 + j]!;
        c31 += C[r3 + j + 1]!;
        c32 += C[r3 + j + 2]!;
        c33 += C[r3 + j + 3]!;
      }
      C[r0 + j] = c00;
      C[r0 + j + 1] = c01;
      C[r0 + j + 2] = c02;
      C[r0 + j + 3] = c03;
      C[r1 + j] = c10;
      C[r1 + j + 1] = c11;
      C[r1 + j + 2] = c12;
      C[r1 + j + 3] = c13;
      C[r2 + j] = c20;
      C[r2 + j + 1] = c21;
      C[r2 + j + 2] = c22;
      C[r2 + j + 3] = c23;
      C[r3 + j] = c30;
      C[r3 + j + 1] = c31;
      C[r3 + j + 2] = c32;
      C[r3 + j + 3] = c33;
    }
    // Remaining columns: 4 × 1 blocks.
    for (let j = N4; j < N; j++) {
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      let pa = i * sai;
      let pb = j * sbj;
      for (let k = 0; k < K; k++) {
        const y = B[pb]!;
        c0 += A[pa]! * y;
        c1 += A[pa + a1]! * y;
        c2 += A[pa + a2]! * y;
        c3 += A[pa + a3]! * y;
        pa += sak;
        pb += sbk;
      }
      C[r0 + j] = acc ? C[r0 + j]! + c0 : c0;
      C[r1 + j] = acc ? C[r1 + j]! + c1 : c1;
      C[r2 + j] = acc ? C[r2 + j]! + c2 : c2;
      C[r3 + j] = acc ? C[r3 + j]! + c3 : c3;
    }
  }
  // Remaining rows: 1 × 4 blocks, then single entries.
  for (let i = M4; i < M; i++) {
    const r = i * N;
    for (let j = 0; j < N4; j += 4) {
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      let pa = i * sai;
      let pb = j * sbj;
      for (let k = 0; k < K; k++) {
        const x = A[pa]!;
        c0 += x * B[pb]!;
        c1 += x * B[pb + b1]!;
        c2 += x * B[pb + b2]!;
        c3 += x * B[pb + b3]!;
        pa += sak;
        pb += sbk;
      }
      C[r + j] = acc ? C[r + j]! + c0 : c0;
      C[r + j + 1] = acc ? C[r + j + 1]! + c1 : c1;
      C[r + j + 2] = acc ? C[r + j + 2]! + c2 : c2;
      C[r + j + 3] = acc ? C[r + j + 3]! + c3 : c3;
    }
    for (let j = N4; j < N; j++) {
      let c = 0;
      let pa = i * sai;
      let pb = j * sbj;
      for (let k = 0; k < K; k++) {
        c += A[pa]! * B[pb]!;
        pa += sak;
        pb += sbk;
      }
      C[r + j] = acc ? C[r + j]! + c : c;
    }
  }
}
