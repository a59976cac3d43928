/**
 * What the sandbox has "sold", so findLabel can answer like a real provider after a restart: a
 * sandbox label exists iff it was created. With a directory, an append-only JSON-lines file
 * (one fsynced line per label, written before the label is returned; a torn last line is
 * skipped); without one, memory only.
 */
import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Parcel } from '../../../../shared/domain/parcels';
import { ProviderError } from '../provider';

export const SandboxLedgerEntry = z.object({
  orderId: z.string().regex(/^\d{18}$/),
  reference: z.string().min(1),
  labelId: z.string().min(1),
  trackingNumbers: z.array(z.string().min(1)).min(1),
  parcels: z.array(Parcel.extend({ itemIds: z.array(z.string()) })),
  createdAt: z.string(),
});
export type SandboxLedgerEntry = z.infer<typeof SandboxLedgerEntry>;

export interface SandboxLedger {
  find(orderId: string, reference: string): SandboxLedgerEntry | undefined;
  findByLabelId(labelId: string): SandboxLedgerEntry | undefined;
  /** Records the label; throws when it cannot be recorded durably (then nothing was "sold"). */
  add(entry: SandboxLedgerEntry): void;
}

export const SANDBOX_LEDGER_FILE = 'sandbox-labels.jsonl';

const keyOf = (orderId: string, reference: string) => `${orderId}\n${reference}`;

export function createSandboxLedger(dir?: string): SandboxLedger {
  const byKey = new Map<string, SandboxLedgerEntry>();
  const byLabelId = new Map<string, SandboxLedgerEntry>();
  const index = (entry: SandboxLedgerEntry) => {
    byKey.set(keyOf(entry.orderId, entry.reference), entry);
    byLabelId.set(entry.labelId, entry);
  };
  const file = dir ? join(dir, SANDBOX_LEDGER_FILE) : null;
  let loaded = false;
  // Read on first use, so a bad data folder surfaces as a worded error of a call, not of start-up.
  const load = () => {
    if (loaded) return;
    if (file) for (const entry of readLedger(file)) index(entry);
    loaded = true;
  };

  return {
    find(orderId, reference) {
      load();
      return byKey.get(keyOf(orderId, reference));
    },
    findByLabelId(labelId) {
      load();
      return byLabelId.get(labelId);
    },
    add(entry) {
      load();
      if (file) {
        try {
          appendLine(file, JSON.stringify(SandboxLedgerEntry.parse(entry)));
        } catch {
          // Sandbox labels are derived from order and reference: buying again gives the same label.
          throw new ProviderError(
            'sandbox_ledger_unwritable',
            'The sandbox could not record the label in the station’s data folder; no label was handed out.',
            'Check that the disk is not full, then scan again.',
            false,
          );
        }
      }
      index(entry);
    },
  };
}

function readLedger(file: string): SandboxLedgerEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ProviderError(
      'sandbox_ledger_unreadable',
      `The sandbox cannot read its list of sold labels (${file}).`,
      'A supervisor must check that the station’s data folder is readable, then restart the station.',
      true,
    );
  }
  const entries: SandboxLedgerEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = SandboxLedgerEntry.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // a line torn by a crash mid-write: that label was never returned to the station
    }
  }
  return entries;
}

function appendLine(file: string, line: string): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'a', 0o600);
  try {
    // Start on a fresh line even if a crash left a torn one.
    writeSync(fd, `\n${line}\n`);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
