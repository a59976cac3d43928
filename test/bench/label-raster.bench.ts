/**
 * Label -> printer bitmap, on labels that stress the rasterizer (made here, see
 * test/support/stress-labels.ts): the shipped path (PDFium WASM for PDF; smoothed canvas for PNG;
 * sub-dot strokes kept) against the previous one (pdf.js + @napi-rs/canvas; nearest-neighbour PNG
 * enlarging), in the same process, at 203 dpi. Also a 4x6 label to printer-ready ZPL
 * (renderForPrinter), whose goal is a 10 ms median.
 * Run: npx tsx test/bench/label-raster.bench.ts [runs=40]
 */
import { rasterizeLabel, renderForPrinter, type Bitmap } from '../../electron/station/printing/index';
import { rasterizePdfWithPdfjs, rasterizePngOld } from './reference/pdfjs-raster';
import { makeLabelPdf, makeLabelPng } from '../support/sample-labels';
import { customsPdf, rulesImageLabel, smallPng, thinRulesPdf } from '../support/stress-labels';

const RUNS = Number(process.argv[2] ?? 40);
const WARMUP = 8;

interface Figures {
  median: number;
  p95: number;
}

function figures(samples: number[]): Figures {
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!,
  };
}

async function time(fn: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return figures(samples);
}

/** Both paths, run by turns (so a busy machine slows both alike). */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[Figures, Figures]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, samples] of i % 2 === 0
      ? ([
          [a, sa],
          [b, sb],
        ] as const)
      : ([
          [b, sb],
          [a, sa],
        ] as const)) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
  }
  return [figures(sa), figures(sb)];
}

const fmt = (f: Figures): string => `median ${f.median.toFixed(2).padStart(7)} ms  p95 ${f.p95.toFixed(2).padStart(7)} ms`;

const customs = await customsPdf(6);
const cases: Array<{ name: string; ours: () => Promise<Bitmap>; old: () => Promise<Bitmap> }> = [];
const plain = await makeLabelPdf();
cases.push({
  name: 'PDF 4x6 text + Code 128',
  ours: () => rasterizeLabel(plain, { dpi: 203 }),
  old: () => rasterizePdfWithPdfjs(plain, 203),
});
const thin = await thinRulesPdf();
cases.push({
  name: 'PDF thin rules (0.2-0.37 pt)',
  ours: () => rasterizeLabel(thin, { dpi: 203 }),
  old: () => rasterizePdfWithPdfjs(thin, 203),
});
cases.push({
  name: 'PDF customs, 6 pages, page 4',
  ours: () => rasterizeLabel(customs, { dpi: 203, page: 4 }),
  old: () => rasterizePdfWithPdfjs(customs, 203, 4),
});
const small = smallPng();
cases.push({ name: 'PNG 203x305 enlarged 4x', ours: () => rasterizeLabel(small, { dpi: 203 }), old: () => rasterizePngOld(small, 203) });
const rules = await rulesImageLabel();
cases.push({
  name: 'PNG 1200x1800 1-px rules, shrunk',
  ours: () => rasterizeLabel(rules.png, { dpi: 203 }),
  old: () => rasterizePngOld(rules.png, 203),
});
cases.push({
  name: 'PDF wrapping that 300 dpi image',
  ours: () => rasterizeLabel(rules.pdf, { dpi: 203 }),
  old: () => rasterizePdfWithPdfjs(rules.pdf, 203),
});
const png = await makeLabelPng();
cases.push({ name: 'PNG 812x1218 (1:1)', ours: () => rasterizeLabel(png, { dpi: 203 }), old: () => rasterizePngOld(png, 203) });

console.log(`Label -> 1-bit bitmap at 203 dpi, ${WARMUP} warm-up + ${RUNS} runs each (customs PDF ${customs.length} bytes)`);
for (const c of cases) {
  const [ours, old] = await timePair(c.ours, c.old);
  console.log(`  ${c.name.padEnd(32)} new ${fmt(ours)} | old ${fmt(old)} | old/new median ${(old.median / ours.median).toFixed(2)}x`);
}

console.log('4x6 label -> printer-ready ZPL (renderForPrinter, 203 dpi), goal <= 10 ms median:');
for (const [name, label] of [
  ['PDF text + Code 128', plain],
  ['PDF thin rules', thin],
  ['PNG 812x1218', png],
] as const) {
  const f = await time(() => renderForPrinter(label, { dpi: 203 }));
  console.log(`  ${name.padEnd(32)} ${fmt(f)}${f.median <= 10 ? '  (goal met)' : '  (over goal)'}`);
}
