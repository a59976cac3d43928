/**
 * PDF -> ZPL speed: our path (pdfjs-dist + @napi-rs/canvas -> 1-bit -> Z64) against a reference in
 * the same process (poppler's `pdftoppm -r 203 -png` -> zpl-image's rgbaToZ64).
 * Run: npx tsx test/bench/pdf-to-zpl.bench.ts [runs=50]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { bitmapToZpl, rasterizeLabel } from '../../electron/station/printing/index';
import { makeLabelPdf } from '../support/sample-labels';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const { rgbaToZ64 } = require('zpl-image') as {
  rgbaToZ64(rgba: Uint8Array | Uint8ClampedArray, width: number, opts?: { black?: number; notrim?: boolean }): { length: number; rowlen: number; z64: string };
};

const RUNS = Number(process.argv[2] ?? 50);
const WARMUP = 5;

async function ours(pdf: Buffer): Promise<string> {
  return bitmapToZpl(await rasterizeLabel(pdf, { dpi: 203 }));
}

async function reference(pdfPath: string, outPrefix: string): Promise<string> {
  await run('pdftoppm', ['-r', '203', '-png', '-singlefile', pdfPath, outPrefix]);
  const image = await loadImage(await readFile(`${outPrefix}.png`));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  const res = rgbaToZ64(rgba, image.width, { black: 50, notrim: true });
  return `^XA^FO0,0^GFA,${res.length},${res.length},${res.rowlen},${res.z64}^FS^XZ`;
}

async function time(label: string, fn: () => Promise<string>): Promise<{ median: number; p90: number; bytes: number }> {
  let out = '';
  for (let i = 0; i < WARMUP; i++) out = await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)]!;
  console.log(`${label.padEnd(34)} median ${median.toFixed(2).padStart(7)} ms   p90 ${p90.toFixed(2).padStart(7)} ms   payload ${out.length} bytes`);
  return { median, p90, bytes: out.length };
}

const dir = await mkdtemp(join(tmpdir(), 'pdf-to-zpl-bench-'));
try {
  const pdf = await makeLabelPdf();
  const pdfPath = join(dir, 'label.pdf');
  await writeFile(pdfPath, pdf);
  console.log(`4x6 in PDF (${pdf.length} bytes: text + Code 128 image) -> ZPL at 203 dpi, ${RUNS} runs after ${WARMUP} warm-up`);
  const a = await time('pdfjs + napi-canvas + Z64 (ours)', () => ours(pdf));
  const b = await time('pdftoppm + zpl-image (reference)', () => reference(pdfPath, join(dir, 'ref')));
  console.log(`ratio ours/reference: ${(a.median / b.median).toFixed(2)}  (payload ${a.bytes} vs ${b.bytes} bytes)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
