/**
 * Label file (PDF, PNG or ZPL, told apart by content) -> the bytes to send to the printer, in the
 * printer's language (ZPL unless told otherwise), at its resolution, on its media.
 *
 *   ZPL label  -> ZPL printer: untouched, if it was made for this printer's dpi (else refused);
 *                 any other language: refused (its ZPL renderer draws previews, not print jobs).
 *   PDF label  -> PDF queue: untouched; thermal languages: rasterised (PDFium) to the media, then encoded.
 *   PNG label  -> PDF queue: wrapped in a one-page PDF; thermal languages: as PDF.
 */
import { z } from 'zod';
import { encodeForLanguage } from '../languages/encode';
import { zplNeedsZplPrinterError, zplWrongDpiError } from '../languages/language-errors';
import { pngLabelToPdf } from '../languages/png-to-pdf';
import { MediaSize, PrinterLanguage } from '../../../../shared/domain/printers';
import { DEFAULT_MEDIA, type PrinterDpi } from './media';
import { PrintError } from '../print-error';
import { keptRaster } from './kept-rasters';
import { missingPageError, unknownFormatError } from './render-errors';
import type { LabelFormat } from '../../../../shared/domain/label-format';
import { sniffLabelFormat } from '../../../../shared/domain/label-format';
import { detectZplDpi } from '../languages/zpl-dpi';

export interface RenderWarning {
  code: 'zpl_dpi_unchecked';
  message: string;
}

export interface RenderedLabel {
  payload: Buffer;
  sourceFormat: LabelFormat;
  language: PrinterLanguage;
  /** Printed anyway, but worth telling the worker (e.g. a ZPL label whose size could not be checked). */
  warnings: RenderWarning[];
}

export interface RenderOptions {
  dpi: PrinterDpi;
  /** Default 'zpl'. */
  language?: PrinterLanguage;
  /** Default '4x6'. */
  media?: MediaSize;
  /**
   * The pages to print, in order (1-based): a split shipment's label holds one page (PDF) or one
   * label format (ZPL) per box. Default: the first page of a PDF, the whole ZPL file.
   */
  pages?: number[];
}

const RenderOptionsSchema = z.object({
  dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]),
  language: PrinterLanguage.optional(),
  media: MediaSize.optional(),
  pages: z.array(z.number().int().min(1)).min(1).optional(),
});

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function zplForPrinter(label: Uint8Array, dpi: PrinterDpi): { payload: Buffer; warnings: RenderWarning[] } {
  const made = detectZplDpi(label);
  if (made === null) {
    // No ^PW/^LL: nothing says how big it is meant to be. Providers' ZPL is 203 dpi by default.
    const warnings: RenderWarning[] =
      dpi === 203
        ? []
        : [
            {
              code: 'zpl_dpi_unchecked',
              message: `This ZPL label does not say which printer resolution it was made for; on this ${dpi} dpi printer it may print smaller than the label.`,
            },
          ];
    return { payload: asBuffer(label), warnings };
  }
  if (made.dpi !== dpi) throw zplWrongDpiError(made.dpi, dpi);
  return { payload: asBuffer(label), warnings: [] };
}

async function pngToPdfOrExplain(png: Uint8Array, media: MediaSize): Promise<Buffer> {
  try {
    return await pngLabelToPdf(png, { media });
  } catch {
    throw new PrintError(
      'label_unreadable',
      'The label file looks like a PNG but could not be read (it may be damaged or cut short).',
      'Reprint from History to fetch the label again; if it fails again, tell a supervisor.',
    );
  }
}

export async function renderForPrinter(label: Uint8Array, opts: RenderOptions): Promise<RenderedLabel> {
  const checked = RenderOptionsSchema.safeParse(opts);
  if (!checked.success)
    throw new RangeError(
      `render options are not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const { dpi, pages } = checked.data;
  const language = checked.data.language ?? 'zpl';
  const media = checked.data.media ?? DEFAULT_MEDIA;
  const sourceFormat = sniffLabelFormat(label);
  if (sourceFormat === null) throw unknownFormatError();

  if (sourceFormat === 'zpl') {
    // The carrier made it for a ZPL printer: it goes through untouched or not at all.
    if (language !== 'zpl') throw zplNeedsZplPrinterError(language);
    return { ...zplForPrinter(pages ? zplLabels(label, pages) : label, dpi), sourceFormat, language };
  }
  if (language === 'pdf' && (sourceFormat === 'png' || !pages || (pages.length === 1 && pages[0] === 1))) {
    // A PDF queue takes the file as it is (a one-box reprint of a split label gets its page alone, below).
    const payload = sourceFormat === 'pdf' ? asBuffer(label) : await pngToPdfOrExplain(label, media);
    return { payload, sourceFormat, language, warnings: [] };
  }
  const encoded: Buffer[] = [];
  for (const page of sourceFormat === 'pdf' ? (pages ?? [1]) : [1]) {
    const bitmap = await keptRaster(label, { dpi, media, page });
    encoded.push(encodeForLanguage(bitmap, language, { media, dpi }));
  }
  if (language === 'pdf' && encoded.length > 1) throw new RangeError('a PDF queue prints a split label whole or one box at a time');
  return { payload: Buffer.concat(encoded), sourceFormat, language, warnings: [] };
}

/** The ZPL label formats (^XA … ^XZ) of these pages, in the order asked. */
function zplLabels(label: Uint8Array, pages: number[]): Uint8Array {
  const formats =
    Buffer.from(label)
      .toString('latin1')
      .match(/\^XA[\s\S]*?\^XZ/gi) ?? [];
  const missing = pages.find((page) => page > formats.length);
  if (missing !== undefined) throw missingPageError(missing, formats.length);
  return Buffer.from(pages.map((page) => `${formats[page - 1]!}\n`).join(''), 'latin1');
}
