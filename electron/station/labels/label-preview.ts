/** What the default printer will print for a stored label, as a PNG for the screen. */
import type { MethodOutput } from '../../../shared/contract';
import { defaultPrinter } from '../../../shared/domain/printers';
import { renderPreviewPng } from '../printing';
import { ensureLabelFile, type LabelPrintingDeps } from './label-printing';
import { requireLabel } from './stored-label';

export async function labelPreview(deps: LabelPrintingDeps, labelId: string): Promise<MethodOutput<'getLabelPreview'>> {
  const { bytes } = await ensureLabelFile(deps, await requireLabel(deps.history, labelId));
  const { dpi, media } = defaultPrinter(deps.settings().printers);
  const preview = await renderPreviewPng(bytes, { dpi, media });
  return { pngBase64: preview.png.toString('base64'), widthDots: preview.widthDots, heightDots: preview.heightDots };
}
