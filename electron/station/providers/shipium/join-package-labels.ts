/**
 * Joins the label files Shipium sends per package into the one file the station keeps per
 * purchase, so that box k prints alone as page k (PDF) or format k (ZPL): ZPL formats are
 * concatenated; PDF pages and PNG images become the pages of one PDF, in package order.
 * pdf-lib (pure JavaScript, no native build for Electron) copies the pages; pdfkit cannot import
 * existing PDF pages.
 */
import { PDFDocument } from 'pdf-lib';
import { sniffLabelFormat } from '../../../../shared/domain/label-format';

/** 4 x 6 in in PDF points: the page a PNG label is placed on. */
const PNG_PAGE = { width: 288, height: 432 };

export type JoinedLabel = { bytes: Uint8Array } | { problem: 'several_files' };

/** One file per package, in package order; a package must bring exactly one page (one label). */
export async function joinPackageLabels(files: Uint8Array[]): Promise<JoinedLabel> {
  const formats = files.map((bytes) => sniffLabelFormat(bytes));
  if (formats.every((f) => f === 'zpl')) return { bytes: joinZpl(files) };
  if (!formats.every((f) => f === 'pdf' || f === 'png')) return { problem: 'several_files' };
  try {
    const joined = await PDFDocument.create();
    for (const [position, bytes] of files.entries()) {
      if (formats[position] === 'png') {
        addPngPage(joined, await joined.embedPng(bytes));
        continue;
      }
      const source = await PDFDocument.load(bytes, { ignoreEncryption: false });
      // A package with more than one page would shift every later box's page.
      if (source.getPageCount() !== 1) return { problem: 'several_files' };
      const [page] = await joined.copyPages(source, [0]);
      joined.addPage(page);
    }
    return { bytes: await joined.save() };
  } catch {
    return { problem: 'several_files' };
  }
}

function joinZpl(files: Uint8Array[]): Uint8Array {
  const joined = files.map((bytes) => Buffer.from(bytes).toString('latin1').trim()).join('\n');
  return new Uint8Array(Buffer.from(`${joined}\n`, 'latin1'));
}

function addPngPage(doc: PDFDocument, image: Awaited<ReturnType<PDFDocument['embedPng']>>): void {
  const scale = Math.min(PNG_PAGE.width / image.width, PNG_PAGE.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const page = doc.addPage([PNG_PAGE.width, PNG_PAGE.height]);
  page.drawImage(image, { x: (PNG_PAGE.width - width) / 2, y: PNG_PAGE.height - height, width, height });
}
