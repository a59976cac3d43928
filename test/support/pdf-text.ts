/** The text of a PDF's pages as pdf.js reads it (offline: its standard fonts from node_modules), for tests. */
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);

export interface PdfPageText {
  text: string;
  /** Page size in points. */
  width: number;
  height: number;
}

export async function pdfPageTexts(bytes: Uint8Array): Promise<PdfPageText[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: `${require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}standard_fonts/`,
  }).promise;
  const pages: PdfPageText[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const [, , width, height] = page.view;
    pages.push({ text: content.items.map((item) => ('str' in item ? item.str : '')).join(' '), width: width!, height: height! });
  }
  return pages;
}
