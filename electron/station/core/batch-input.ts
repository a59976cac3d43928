/** What a batch is made of: the pasted lines, or a batch barcode's orders from the WMS order file. */
import { BATCH_BARCODE, type BatchInput } from '../../../shared/domain/batches';

export async function batchScans(
  input: BatchInput,
  batchOrders: (batchId: string) => Promise<string[]>,
  lines: (text: string) => string[],
): Promise<{ scans: string[]; name: string }> {
  if (input.kind === 'list') return { scans: lines(input.text), name: input.name ?? '' };
  const batchId = BATCH_BARCODE.exec(input.barcode)![1]!;
  return { scans: await batchOrders(batchId), name: `Batch ${batchId}` };
}
