/**
 * Smooth scaling of an 8-bit grey image (0 = black) to any size, separably (rows, then columns):
 * shrinking averages the source pixels each dot covers (by the area covered), so a source line
 * thinner than a dot becomes a lighter dot instead of vanishing between samples (bitmapFromGray
 * then keeps it); enlarging interpolates linearly, so edges come out smooth instead of in blocks
 * the size of a source pixel.
 */

/** Weights are fixed point: they sum to 1 << SHIFT for every output dot. */
const SHIFT = 14;
const ONE = 1 << SHIFT;
const HALF = 1 << (SHIFT - 1);

interface Taps {
  /** First source index of each output index. */
  first: Int32Array;
  /** Number of source indices each output index reads. */
  count: Int32Array;
  /** Where each output index's weights start in `weights`. */
  at: Int32Array;
  weights: Int32Array;
}

/** Which source pixels (and how much of each) make each of `to` dots along an axis of `from` pixels. */
export function axisTaps(from: number, to: number): Taps {
  const first = new Int32Array(to);
  const count = new Int32Array(to);
  const at = new Int32Array(to);
  const scale = to / from;
  const list: number[] = [];
  for (let i = 0; i < to; i++) {
    const start = list.length;
    let j0: number;
    const raw: number[] = [];
    if (scale < 1) {
      // Area average: the source interval [a, b) this dot covers, each pixel weighted by its overlap.
      const a = i / scale;
      const b = Math.min(from, (i + 1) / scale);
      j0 = Math.floor(a);
      for (let j = j0; j < b; j++) raw.push(Math.min(b, j + 1) - Math.max(a, j));
    } else {
      // Linear interpolation between the two source pixels around this dot's centre.
      const c = Math.min(from - 1, Math.max(0, (i + 0.5) / scale - 0.5));
      j0 = Math.min(from - 1, Math.floor(c));
      const f = c - j0;
      raw.push(1 - f);
      if (j0 + 1 < from && f > 0) raw.push(f);
    }
    const total = raw.reduce((s, w) => s + w, 0);
    let sum = 0;
    let biggest = 0;
    for (let k = 0; k < raw.length; k++) {
      const w = Math.round((raw[k]! / total) * ONE);
      list.push(w);
      sum += w;
      if (w > list[start + biggest]!) biggest = k;
    }
    list[start + biggest]! += ONE - sum; // exact sum, so white stays 255
    first[i] = j0;
    count[i] = raw.length;
    at[i] = start;
  }
  return { first, count, at, weights: Int32Array.from(list) };
}

/** Scratch kept between labels (a 300 dpi 4x6 image is 2 MB a pass). */
let columnsDone = new Uint8Array(0);

/**
 * Scales `src` (sw x sh, rows sw bytes) to dw x dh and writes it into `out` at (x0, y0), rows
 * `outStride` bytes apart. Rows first (sw x dh), then columns; a dot reads at most a few source
 * pixels along each axis (shrinking by up to ~2x, as a 300 dpi image onto a 203 dpi printer: 3).
 */
export function resampleGrayInto(
  src: Uint8Array,
  sw: number,
  sh: number,
  out: Uint8Array,
  outStride: number,
  x0: number,
  y0: number,
  dw: number,
  dh: number,
): void {
  if (src.length < sw * sh) throw new RangeError(`expected ${sw * sh} grey bytes, got ${src.length}`);
  const vertical = axisTaps(sh, dh);
  const horizontal = axisTaps(sw, dw);
  if (columnsDone.length < sw * dh) columnsDone = new Uint8Array(sw * dh);
  const mid = columnsDone;
  // Rows of the first pass with ink: the second pass leaves the others white outright.
  const inked = new Uint8Array(dh);
  // Where rows are whole words, four white pixels under every tap make four white pixels, one test.
  const words = sw % 4 === 0 && src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, (sw * sh) >> 2) : null;
  const midWords = sw % 4 === 0 ? new Uint32Array(mid.buffer, mid.byteOffset, (sw * dh) >> 2) : null;
  const wordsPerRow = sw >> 2;
  for (let i = 0; i < dh; i++) {
    const n = vertical.count[i]!;
    const w0 = vertical.at[i]!;
    const row0 = vertical.first[i]! * sw;
    const o = i * sw;
    if (n === 1) {
      mid.set(src.subarray(row0, row0 + sw), o);
    } else if (n === 2) {
      const a = vertical.weights[w0]!;
      const b = vertical.weights[w0 + 1]!;
      const row1 = row0 + sw;
      if (words !== null && midWords !== null) {
        const r0 = row0 >> 2;
        const r1 = row1 >> 2;
        const ow = o >> 2;
        for (let k = 0; k < wordsPerRow; k++) {
          if ((words[r0 + k]! & words[r1 + k]!) === -1) {
            midWords[ow + k] = 0xffffffff;
            continue;
          }
          for (let x = k << 2; x < (k << 2) + 4; x++) mid[o + x] = (src[row0 + x]! * a + src[row1 + x]! * b + HALF) >> SHIFT;
        }
      } else {
        for (let x = 0; x < sw; x++) mid[o + x] = (src[row0 + x]! * a + src[row1 + x]! * b + HALF) >> SHIFT;
      }
    } else if (n === 3) {
      const a = vertical.weights[w0]!;
      const b = vertical.weights[w0 + 1]!;
      const c = vertical.weights[w0 + 2]!;
      const row1 = row0 + sw;
      const row2 = row1 + sw;
      if (words !== null && midWords !== null) {
        const r0 = row0 >> 2;
        const r1 = row1 >> 2;
        const r2 = row2 >> 2;
        const ow = o >> 2;
        for (let k = 0; k < wordsPerRow; k++) {
          if ((words[r0 + k]! & words[r1 + k]! & words[r2 + k]!) === -1) {
            midWords[ow + k] = 0xffffffff;
            continue;
          }
          for (let x = k << 2; x < (k << 2) + 4; x++) {
            mid[o + x] = (src[row0 + x]! * a + src[row1 + x]! * b + src[row2 + x]! * c + HALF) >> SHIFT;
          }
        }
      } else {
        for (let x = 0; x < sw; x++) mid[o + x] = (src[row0 + x]! * a + src[row1 + x]! * b + src[row2 + x]! * c + HALF) >> SHIFT;
      }
    } else {
      for (let x = 0; x < sw; x++) {
        let v = HALF;
        for (let k = 0; k < n; k++) v += src[row0 + k * sw + x]! * vertical.weights[w0 + k]!;
        mid[o + x] = v >> SHIFT;
      }
    }
    inked[i] = rowHasInk(mid, midWords, o, sw) ? 1 : 0;
  }
  // Columns: each dot's taps padded to the widest, so the inner loop has no branches.
  const { first, count, at, weights } = horizontal;
  let taps = 1;
  for (let i = 0; i < dw; i++) taps = Math.max(taps, count[i]!);
  const padded = new Int32Array(dw * taps);
  const starts = new Int32Array(dw);
  for (let i = 0; i < dw; i++) {
    // Shift the window left where it would run past the row's end (the extra taps weigh 0).
    const start = Math.max(0, Math.min(first[i]!, sw - taps));
    starts[i] = start;
    for (let k = 0; k < count[i]!; k++) padded[i * taps + first[i]! - start + k] = weights[at[i]! + k]!;
  }
  for (let y = 0; y < dh; y++) {
    const row = y * sw;
    const rowOut = (y0 + y) * outStride + x0;
    if (!inked[y]) {
      out.fill(255, rowOut, rowOut + dw);
      continue;
    }
    if (taps === 2) {
      for (let i = 0, p = 0; i < dw; i++, p += 2) {
        const j = row + starts[i]!;
        out[rowOut + i] = (mid[j]! * padded[p]! + mid[j + 1]! * padded[p + 1]! + HALF) >> SHIFT;
      }
    } else if (taps === 3) {
      for (let i = 0, p = 0; i < dw; i++, p += 3) {
        const j = row + starts[i]!;
        out[rowOut + i] = (mid[j]! * padded[p]! + mid[j + 1]! * padded[p + 1]! + mid[j + 2]! * padded[p + 2]! + HALF) >> SHIFT;
      }
    } else {
      for (let i = 0, p = 0; i < dw; i++, p += taps) {
        const j = row + starts[i]!;
        let v = HALF;
        for (let k = 0; k < taps; k++) v += mid[j + k]! * padded[p + k]!;
        out[rowOut + i] = v >> SHIFT;
      }
    }
  }
}

/** Is any pixel of the row (sw pixels from `at`) other than white? */
function rowHasInk(mid: Uint8Array, midWords: Uint32Array | null, at: number, sw: number): boolean {
  if (midWords !== null) {
    const w0 = at >> 2;
    for (let k = 0; k < sw >> 2; k++) if (midWords[w0 + k] !== 0xffffffff) return true;
    return false;
  }
  for (let x = 0; x < sw; x++) if (mid[at + x] !== 255) return true;
  return false;
}
