/** The screens' printer status questions: one at a time per printer, none while it prints, a fresh answer reused. */
import { describe, expect, it } from 'vitest';
import { createStatusAsker } from '../../../../../electron/station/printing/status/status-asker';
import type { PrinterSettings } from '../../../../../shared/domain/printers';

const printer = { address: 'tcp://127.0.0.1:9100', language: 'zpl' } as PrinterSettings;
const answer = (message: string) => ({ printer: printer.address, state: 'ready' as const, faults: [], message });

function asker() {
  const asked: Array<(a: ReturnType<typeof answer>) => void> = [];
  const ask = createStatusAsker({
    ask: () => new Promise((resolve) => asked.push(resolve)),
  });
  return { ask, asked };
}

describe('printer status asked by the screens', () => {
  it('asks the printer once for questions that arrive together (two windows, Scan and Settings)', async () => {
    const { ask, asked } = asker();
    const first = ask(printer, false);
    const second = ask(printer, false);
    expect(asked).toHaveLength(1);
    asked[0]!(answer('Printer ready'));
    expect(await first).toEqual(await second);
  });

  it('asks again for every question once the last one was answered (a person pressing Check printer twice)', async () => {
    const { ask, asked } = asker();
    const first = ask(printer, false);
    asked[0]!(answer('one'));
    await first;
    const again = ask(printer, false);
    expect(asked).toHaveLength(2);
    asked[1]!(answer('two'));
    expect((await again).message).toBe('two');
  });

  it('opens no second connection while a label is being sent to the printer: the last answer stands', async () => {
    const { ask, asked } = asker();
    const first = ask(printer, false);
    asked[0]!(answer('Printer ready'));
    await first;
    expect((await ask(printer, true)).message).toBe('Printer ready');
    expect(asked).toHaveLength(1);
    // Never asked before: it must ask, even while printing.
    void ask({ ...printer, address: 'tcp://127.0.0.1:9101' }, true);
    expect(asked).toHaveLength(2);
  });
});
