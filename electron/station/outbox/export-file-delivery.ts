/**
 * The export-file destination: one CSV row per event appended to a file on this station's computer
 * (csv-stringify quotes it; a header when the file is new). The event id is a column, so a WMS
 * reading the file drops a row it has seen (a crash between appending and recording the delivery
 * appends it again).
 */
import { appendFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { OutboxEvent } from './outbox-store';

const COLUMNS = ['event_id', 'type', 'occurred_at', 'order_id', 'tracking_numbers', 'provider', 'station', 'label_id'];

export async function appendEventRow(file: string, event: OutboxEvent): Promise<void> {
  const isNew = await stat(file).then(
    (s) => s.size === 0,
    () => true,
  );
  const row = [
    event.eventId,
    event.type,
    event.occurredAt,
    event.orderId,
    event.trackingNumbers.join(' '),
    event.provider,
    event.station,
    event.labelId,
  ];
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, stringify(isNew ? [COLUMNS, row] : [row]), { encoding: 'utf8', mode: 0o640 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`could not append to ${file} (${code})`);
  }
}
