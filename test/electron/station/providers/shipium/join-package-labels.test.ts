import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodeLabelDataUrl } from '../../../../../electron/station/providers/shipium';
import { readLabelResponse, ShipiumLabelResponse } from '../../../../../electron/station/providers/shipium/response';
import { makeLabelPng, makePdf } from '../../../../support/sample-labels';

const require = createRequire(import.meta.url);

/** The text of every page, in order. */
async function pageTexts(bytes: Uint8Array): Promise<Array<{ text: string; width: number; height: number }>> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: `${require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}standard_fonts/`,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const [, , width, height] = page.view;
    pages.push({ text: content.items.map((item) => ('str' in item ? item.str : '')).join(' '), width: width!, height: height! });
  }
  return pages;
}

const boxPdf = (text: string, pages = 1) =>
  makePdf([288, 432], (doc) => {
    for (let n = 0; n < pages; n += 1) {
      if (n > 0) doc.addPage();
      doc.fontSize(14).text(`${text} page ${n + 1}`, 20, 20);
    }
  });

const answer = (files: Buffer[]) =>
  ShipiumLabelResponse.parse({
    shipiumShipmentId: 'shp-1',
    carrierLabel: {
      packageScannableId: 'T1',
      documents: [],
      packages: files.map((file, i) => ({
        packageScannableId: `T${i + 1}`,
        documents: [{ documentType: 'label', labelImage: { imageContents: file.toString('base64') } }],
      })),
    },
  });

describe('several Shipium packages become one label file, box k on page k', () => {
  it('joins one PDF per package into one PDF whose page k is box k', async () => {
    const read = await readLabelResponse(answer([await boxPdf('BOX-ONE'), await boxPdf('BOX-TWO'), await boxPdf('BOX-THREE')]), 'ref');
    if (!('label' in read)) throw new Error(`unexpected ${read.problem}`);
    expect(read.label.trackingNumbers).toEqual(['T1', 'T2', 'T3']);
    const pages = await pageTexts(decodeLabelDataUrl(read.label.labelUrl)!);
    expect(pages.map((p) => p.text)).toEqual(['BOX-ONE page 1', 'BOX-TWO page 1', 'BOX-THREE page 1']);
  });

  it('puts a PNG package label on a 4 x 6 in page of its own, in package order', async () => {
    const read = await readLabelResponse(answer([await boxPdf('BOX-ONE'), await makeLabelPng('9400111899223344556677')]), 'ref');
    if (!('label' in read)) throw new Error(`unexpected ${read.problem}`);
    const pages = await pageTexts(decodeLabelDataUrl(read.label.labelUrl)!);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.text).toBe('BOX-ONE page 1');
    expect(pages[1]).toMatchObject({ width: 288, height: 432 });
  });

  it('refuses to guess when a package brings two pages (every later box would print the wrong page)', async () => {
    const read = await readLabelResponse(answer([await boxPdf('BOX-ONE', 2), await boxPdf('BOX-TWO')]), 'ref');
    expect(read).toMatchObject({ problem: 'several_files', trackingNumbers: ['T1', 'T2'] });
  });

  it('refuses a mix of ZPL and PDF packages rather than print half of them', async () => {
    const zpl = Buffer.from('^XA^FO30,30^FDbox^FS^XZ', 'latin1');
    const read = await readLabelResponse(answer([zpl, await boxPdf('BOX-TWO')]), 'ref');
    expect(read).toMatchObject({ problem: 'several_files' });
  });
});
