import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createSandboxProvider } from '../../../../../electron/station/providers/sandbox';

const require = createRequire(import.meta.url);
const orderId = '576477431806268482';
const parcel = {
  dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const },
  weight: { value: 1.5, unit: 'lb' as const },
  itemIds: [] as string[],
};

async function openPdf(bytes: Uint8Array) {
  return getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: `${require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}standard_fonts/`,
  }).promise;
}

async function pageText(bytes: Uint8Array, pageNumber = 1): Promise<string> {
  const page = await (await openPdf(bytes)).getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
}

describe('sandbox label PDF', () => {
  let pdf: Uint8Array;
  let tracking: string;

  beforeAll(async () => {
    const provider = createSandboxProvider({ now: () => new Date('2026-01-28T10:00:00Z') });
    const label = await provider.createLabel({ orderId, parcels: [parcel], reference: 'st1:1', fileType: 'pdf', order: null });
    tracking = label.trackingNumbers[0]!;
    pdf = await provider.downloadLabel(label.labelUrl);
    prepareZXingModule({
      overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer },
    });
  });

  it('is one 4x6 in page (288 x 432 pt)', async () => {
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(1);
    const viewport = (await doc.getPage(1)).getViewport({ scale: 1 });
    expect([viewport.width, viewport.height]).toEqual([288, 432]);
  });

  it('says SANDBOX and shows the tracking number, order ID, service, weight and box', async () => {
    const text = await pageText(pdf);
    expect(text).toContain('SANDBOX — NOT A REAL LABEL');
    expect(text).toContain(tracking);
    expect(text).toContain(orderId);
    expect(text).toContain('TikTok Shipping Standard (sandbox)');
    expect(text).toContain('1.5 lb');
    expect(text).toContain('8 x 5 x 10 in');
    expect(text).toContain('2026-01-28');
    expect(text).toMatch(/SHIP TO/);
  });

  it('has a Code 128 barcode that a scanner reads as the tracking number at 203 dpi', async () => {
    const page = await (await openPdf(pdf)).getPage(1);
    const viewport = page.getViewport({ scale: 203 / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    expect([canvas.width, canvas.height]).toEqual([812, 1218]);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const results = await readBarcodes({ data: image.data, width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData, {
      formats: ['Code128'],
    });
    expect(results.map((r) => r.text)).toContain(tracking);
  });
});

describe('sandbox label PDF of a split shipment', () => {
  it('has one page per box, each with its own tracking number and the items packed in it', async () => {
    const provider = createSandboxProvider({ now: () => new Date('2026-01-28T10:00:00Z') });
    const label = await provider.createLabel({
      orderId,
      parcels: [
        { ...parcel, itemIds: ['577000000000000101', '577000000000000102'] },
        { ...parcel, weight: { value: 3, unit: 'lb' }, itemIds: ['577000000000000103'] },
      ],
      reference: 'st1:split',
      fileType: 'pdf',
      order: null,
    });
    expect(label.trackingNumbers).toHaveLength(2);
    // A fresh instance (a restart) without a ledger would only know one page; with the same instance, both.
    const pdf = await provider.downloadLabel(label.labelUrl);
    expect((await openPdf(pdf)).numPages).toBe(2);
    const first = await pageText(pdf, 1);
    const second = await pageText(pdf, 2);
    expect(first).toContain(label.trackingNumbers[0]);
    expect(first).toContain('Items: 577000000000000101, 577000000000000102');
    expect(first).toContain('Parcel 1 of 2');
    expect(second).toContain(label.trackingNumbers[1]);
    expect(second).toContain('Items: 577000000000000103');
    expect(second).toContain('3 lb');
    expect(second).not.toContain('577000000000000101');
  });

  it('shortens a long item list with the count of the rest', async () => {
    const { itemsLine } = await import('../../../../../electron/station/providers/sandbox/sandbox-label-pdf');
    const ids = Array.from({ length: 12 }, (_, i) => `57700000000000${String(1000 + i)}`);
    const line = itemsLine(ids);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/^Items: 577000000000001000, .* \(\+\d+ more\)$/);
  });
});
