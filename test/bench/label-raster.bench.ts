/**
 * Label -> printer bitmap, on labels that stress the rasterizer (made here, see
 * test/support/stress-labels.ts): the shipped path (PDFium WASM for PDF; smoothed canvas for PNG;
 * sub-dot strokes kept) against the previous ones in the same process, at 203 dpi: "PDFium before"
 * is the PDFium path as it was before the render-target work (strips of 160 rows on every page, a
 * fresh page buffer, the per-dot threshold), "all in PDFium" a page that is one picture drawn by
 * PDFium like any page (before the picture path, image-page.ts), "old" the pdf.js + @napi-rs/canvas path (nearest-
 * neighbour PNG enlarging). Goal: every label under 50 ms. Also a 4x6 label to printer-ready ZPL
 * (renderForPrinter), whose goal is a 10 ms median, against the "PDFium before" raster + ZPL, and a
 * label printed then previewed (its dots kept between the two) against both drawing it.
 * The machine's load average is printed, since other work on it slows every figure alike.
 * Run: npx tsx test/bench/label-raster.bench.ts [runs=40]
 */
import { loadavg } from 'node:os';
import { rasterizeLabel, renderForPrinter, renderPreviewPng, type Bitmap } from '../../electron/station/printing/index';
import { bitmapToPng } from '../../electron/station/printing/render/png-encode';
import { bitmapToZpl } from '../../electron/station/printing/languages/zpl-graphic';
import { rasterizePdfWithPdfjs, rasterizePngOld } from './reference/pdfjs-raster';
import { rasterizePdfV1 } from './reference/pdfium-raster-v1';
import { makeLabelPdf, makeLabelPng } from '../support/sample-labels';
import { rasterizePdf } from '../../electron/station/printing/render/pdf-raster';
import { boxedClipCustomsPdf, customsPdf, pictureLabelPdf, rulesImageLabel, smallPng, thinRulesPdf } from '../support/stress-labels';

const RUNS = Number(process.argv[2] ?? 40);
const WARMUP = 8;

interface Figures {
  median: number;
  p95: number;
  /** Median CPU time of this process (user + system): less swayed by other work on the machine. */
  cpu: number;
}

function figures(samples: number[], cpu: number[] = samples): Figures {
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))]!,
    cpu: cpu[Math.floor(cpu.length / 2)]!,
  };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Several paths, run by turns in a rotating order (so a busy machine slows them alike). */
async function timeAll(fns: Array<() => Promise<unknown>>): Promise<Figures[]> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const c = process.cpuUsage();
      const t = performance.now();
      await fns[j]!();
      samples[j]!.push(performance.now() - t);
      cpu[j]!.push(cpuMs(c));
    }
  }
  return samples.map((s, j) => figures(s, cpu[j]));
}

const fmt = (f: Figures): string =>
  `median ${f.median.toFixed(2).padStart(7)} ms  p95 ${f.p95.toFixed(2).padStart(7)} ms  cpu ${f.cpu.toFixed(2).padStart(6)} ms`;

const customs = await customsPdf(6);
const cases: Array<{
  name: string;
  ours: () => Promise<Bitmap>;
  before?: () => Promise<Bitmap>;
  /** A page that is one picture, drawn by PDFium as every other page (the shipped path before the picture path). */
  allPdfium?: () => Promise<Bitmap>;
  old: () => Promise<Bitmap>;
}> = [];
const allInPdfium = (pdf: Buffer) => () => rasterizePdf(pdf, 203, undefined, 1, { wholeInPdfium: true });
const plain = await makeLabelPdf();
cases.push({
  name: 'PDF 4x6 text + Code 128',
  ours: () => rasterizeLabel(plain, { dpi: 203 }),
  before: () => rasterizePdfV1(plain, 203),
  old: () => rasterizePdfWithPdfjs(plain, 203),
});
const thin = await thinRulesPdf();
cases.push({
  name: 'PDF thin rules (0.2-0.37 pt)',
  ours: () => rasterizeLabel(thin, { dpi: 203 }),
  before: () => rasterizePdfV1(thin, 203),
  old: () => rasterizePdfWithPdfjs(thin, 203),
});
cases.push({
  name: 'PDF customs, 6 pages, page 4',
  ours: () => rasterizeLabel(customs, { dpi: 203, page: 4 }),
  before: () => rasterizePdfV1(customs, 203, 4),
  old: () => rasterizePdfWithPdfjs(customs, 203, 4),
});
const boxed = await boxedClipCustomsPdf();
cases.push({
  name: 'PDF customs like USPS CP72',
  ours: () => rasterizeLabel(boxed, { dpi: 203 }),
  before: () => rasterizePdfV1(boxed, 203),
  old: () => rasterizePdfWithPdfjs(boxed, 203),
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
  before: () => rasterizePdfV1(rules.pdf, 203),
  allPdfium: allInPdfium(rules.pdf),
  old: () => rasterizePdfWithPdfjs(rules.pdf, 203),
});
// Label pictures (300 dpi, text + Code 128) as carriers wrap them: RGB + alpha mask, RGB and grey
// with PNG predictors, JPEG.
for (const [kind, name] of [
  ['rgba-png', 'PDF picture RGB + alpha 300 dpi'],
  ['rgb-png', 'PDF picture RGB PNG-predicted'],
  ['gray-png', 'PDF picture grey PNG-predicted'],
  ['jpeg', 'PDF picture JPEG 300 dpi'],
] as const) {
  const pdf = await pictureLabelPdf('1Z999AA10123456784', kind);
  cases.push({
    name,
    ours: () => rasterizeLabel(pdf, { dpi: 203 }),
    allPdfium: allInPdfium(pdf),
    old: () => rasterizePdfWithPdfjs(pdf, 203),
  });
}
const png = await makeLabelPng();
cases.push({ name: 'PNG 812x1218 (1:1)', ours: () => rasterizeLabel(png, { dpi: 203 }), old: () => rasterizePngOld(png, 203) });

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `Label -> 1-bit bitmap at 203 dpi, ${WARMUP} warm-up + ${RUNS} runs each (customs PDF ${customs.length} bytes); load average ${load()}`,
);
for (const c of cases) {
  const fns = [c.ours, ...(c.before ? [c.before] : []), ...(c.allPdfium ? [c.allPdfium] : []), c.old];
  const got = await timeAll(fns);
  const ours = got[0]!;
  const old = got[got.length - 1]!;
  const before = c.before ? got[1]! : undefined;
  const allPdfium = c.allPdfium ? got[got.length - 2]! : undefined;
  console.log(
    `  ${c.name.padEnd(32)} new ${fmt(ours)}${ours.median < 50 ? ' (<50)' : ' (OVER)'}` +
      (before ? ` | PDFium before ${fmt(before)} before/new ${(before.median / ours.median).toFixed(2)}x` : '') +
      (allPdfium ? ` | all in PDFium ${fmt(allPdfium)} it/new ${(allPdfium.median / ours.median).toFixed(2)}x` : '') +
      ` | old ${fmt(old)} old/new ${(old.median / ours.median).toFixed(2)}x`,
  );
}

console.log('4x6 label -> printer-ready ZPL (renderForPrinter, 203 dpi), goal <= 10 ms median:');
// A label of its own for each run of each path, as each scan's is: the station keeps the dots of the
// last few labels drawn (kept-rasters.ts), and the same label again would be a kept one.
let tracked = 0;
const freshLabels = async (make: (tracking: string) => Promise<Buffer>) => {
  const trackings = Array.from({ length: WARMUP + RUNS }, () => `1Z999AA1${String(1_000_000_000 + tracked++)}`);
  const labels = await Promise.all(trackings.map(make));
  let next = 0;
  return () => labels[next++]!;
};
for (const [name, make] of [
  ['PDF text + Code 128', (t: string) => makeLabelPdf(t)],
  ['PDF thin rules', (t: string) => thinRulesPdf(t)],
  ['PNG 812x1218', (t: string) => makeLabelPng(t)],
] as const) {
  const isPdf = name.startsWith('PDF');
  const [label, referenceLabel] = [await freshLabels(make), await freshLabels(make)];
  const got = await timeAll(
    isPdf
      ? [() => renderForPrinter(label(), { dpi: 203 }), async () => bitmapToZpl(await rasterizePdfV1(referenceLabel(), 203))]
      : [() => renderForPrinter(label(), { dpi: 203 })],
  );
  const f = got[0]!;
  const before = got[1];
  console.log(
    `  ${name.padEnd(32)} ${fmt(f)}${f.median <= 10 ? '  (goal met)' : '  (over goal)'}` +
      (before ? ` | PDFium before ${fmt(before)} before/new ${(before.median / f.median).toFixed(2)}x` : ''),
  );
}

console.log('A label printed, then previewed on the scan screen (renderForPrinter + renderPreviewPng, 203 dpi), against both drawing it:');
for (const [name, make] of [
  ['PDF text + Code 128', (t: string) => makeLabelPdf(t)],
  ['PNG 812x1218', (t: string) => makeLabelPng(t)],
] as const) {
  const [label, referenceLabel] = [await freshLabels(make), await freshLabels(make)];
  const [kept, drawnTwice] = await timeAll([
    async () => {
      const bytes = label();
      await renderForPrinter(bytes, { dpi: 203 });
      return renderPreviewPng(bytes, { dpi: 203 });
    },
    async () => {
      const bytes = referenceLabel();
      await renderForPrinter(bytes, { dpi: 203 });
      return bitmapToPng(await rasterizeLabel(bytes, { dpi: 203 }));
    },
  ]);
  console.log(
    `  ${name.padEnd(32)} drawn once ${fmt(kept!)} | drawn twice ${fmt(drawnTwice!)} twice/once ${(drawnTwice!.median / kept!.median).toFixed(2)}x`,
  );
}
console.log(`load average at the end ${load()}`);
