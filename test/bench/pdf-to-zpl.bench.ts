/**
 * PDF -> ZPL speed and size: our path (PDFium in WebAssembly -> 1-bit -> the smaller of
 * :Z64: and ACS) against a reference in the same process (poppler's `pdftoppm -r DPI -png` ->
 * zpl-image's rgbaToZ64 / rgbaToACS), on the same label, at 203, 300 and 600 dpi.
 * Run: npx tsx test/bench/pdf-to-zpl.bench.ts [runs=50]   (runs at 203 dpi; fewer at 300/600)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { rasterizeLabel } from '../../electron/station/printing/render/raster';
import { bitmapToZpl } from '../../electron/station/printing/languages/zpl-graphic';
import type { PrinterDpi } from '../../electron/station/printing/render/media';
import { makeLabelPdf } from '../support/sample-labels';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
type ZplImageOpts = { black?: number; notrim?: boolean };
const { rgbaToZ64, rgbaToACS } = require('zpl-image') as {
  rgbaToZ64(rgba: Uint8Array | Uint8ClampedArray, width: number, opts?: ZplImageOpts): { length: number; rowlen: number; z64: string };
  rgbaToACS(rgba: Uint8Array | Uint8ClampedArray, width: number, opts?: ZplImageOpts): { length: number; rowlen: number; acs: string };
};

const RUNS = Number(process.argv[2] ?? 50);
const WARMUP = 5;

async function ours(pdf: Buffer, dpi: PrinterDpi): Promise<string> {
  return bitmapToZpl(await rasterizeLabel(pdf, { dpi }));
}

async function referenceRgba(pdfPath: string, outPrefix: string, dpi: number): Promise<{ rgba: Uint8ClampedArray; width: number }> {
  await run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdfPath, outPrefix]);
  const image = await loadImage(await readFile(`${outPrefix}.png`));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { rgba: ctx.getImageData(0, 0, image.width, image.height).data, width: image.width };
}

async function reference(pdfPath: string, outPrefix: string, dpi: number): Promise<string> {
  const { rgba, width } = await referenceRgba(pdfPath, outPrefix, dpi);
  const res = rgbaToZ64(rgba, width, { black: 50, notrim: true });
  return `^XA^FO0,0^GFA,${res.length},${res.length},${res.rowlen},${res.z64}^FS^XZ`;
}

async function time(label: string, runs: number, fn: () => Promise<string>): Promise<{ median: number; p90: number; bytes: number }> {
  let out = '';
  for (let i = 0; i < WARMUP; i++) out = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)]!;
  console.log(
    `  ${label.padEnd(40)} median ${median.toFixed(2).padStart(7)} ms   p90 ${p90.toFixed(2).padStart(7)} ms   payload ${out.length} bytes`,
  );
  return { median, p90, bytes: out.length };
}

const dir = await mkdtemp(join(tmpdir(), 'pdf-to-zpl-bench-'));
try {
  const pdf = await makeLabelPdf();
  const pdfPath = join(dir, 'label.pdf');
  await writeFile(pdfPath, pdf);
  console.log(`4x6 in PDF (${pdf.length} bytes: text + Code 128 image) -> ZPL, ${WARMUP} warm-up runs each`);
  for (const dpi of [203, 300, 600] as const) {
    const runs = dpi === 203 ? RUNS : Math.max(5, Math.round(RUNS / 5));
    console.log(`${dpi} dpi, ${runs} runs:`);
    const a = await time('PDFium (WASM) + Z64/ACS (ours)', runs, () => ours(pdf, dpi));
    const b = await time('pdftoppm + zpl-image Z64 (reference)', runs, () => reference(pdfPath, join(dir, 'ref'), dpi));
    console.log(
      `  speed: ours/reference median ${(a.median / b.median).toFixed(2)} (reference is ${(b.median / a.median).toFixed(1)}x slower)`,
    );

    // Payload: the ^GF data field alone, so ZPL wrapper differences do not count. Ours is cropped to
    // the inked box; zpl-image is shown untrimmed (as in the timing) and trimmed.
    const bitmap = await rasterizeLabel(pdf, { dpi });
    const field = (zpl: string): string => /\^GFA,\d+,\d+,\d+,([^^]*)\^FS/.exec(zpl)![1]!;
    const chosen = field(bitmapToZpl(bitmap));
    const z64 = field(bitmapToZpl(bitmap, { compression: 'z64' })).length;
    const acs = field(bitmapToZpl(bitmap, { compression: 'acs' })).length;
    const { rgba, width } = await referenceRgba(pdfPath, join(dir, 'ref'), dpi);
    const theirZ64 = rgbaToZ64(rgba, width, { black: 50, notrim: true }).z64.length;
    const theirZ64Trimmed = rgbaToZ64(rgba, width, { black: 50 }).z64.length;
    const theirAcs = rgbaToACS(rgba, width, { black: 50, notrim: true }).acs.length;
    console.log(
      `  ^GF data: ours ${chosen.length} bytes (${chosen.startsWith(':Z64:') ? 'z64' : 'acs'}; Z64 ${z64}, ACS ${acs})   zpl-image Z64 ${theirZ64} (trimmed ${theirZ64Trimmed}), ACS ${theirAcs}   ours/zpl-image Z64 ${(chosen.length / theirZ64).toFixed(2)} (trimmed ${(chosen.length / theirZ64Trimmed).toFixed(2)})`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
