/** The slow printer fake used by the queue benchmark really prints at 6 in/s and pushes back. */
import { afterEach, describe, expect, it } from 'vitest';
import { sendToPrinter } from '../../../../../electron/station/printing';
import { startSlowPrinter, zplLabelLengthInches, type SlowPrinter } from '../../../../fakes/slow-printer';

let printer: SlowPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const label4x6 = (n: number): string => `^XA^PW812^LL1218^FO50,50^A0N,40,40^FDLABEL ${n}^FS^XZ\n`;

describe('slow printer fake', () => {
  it('reads the label length from ^LL or from the bottom of a ^GF graphic', () => {
    expect(zplLabelLengthInches('^XA^LL1218^XZ', 203)).toBeCloseTo(6, 5);
    expect(zplLabelLengthInches('^XA^FO0,0^GFA,8120,8120,102,:Z64:abc^FS^XZ', 203)).toBeCloseTo(80 / 203, 5);
    expect(zplLabelLengthInches('^XA^FO0,203^GFA,1000,1000,10,::^FS^LL100^XZ', 203)).toBeCloseTo(303 / 203, 5);
    expect(zplLabelLengthInches('^XA^FDno size^FS^XZ', 203)).toBeNull();
  });

  it('prints a 4x6 label in 1 s / speed-up, one after another, and holds the connection while its buffer is full', async () => {
    printer = await startSlowPrinter({ speedUp: 10 });
    expect(printer.printMs(6)).toBeCloseTo(100, 5);
    const started = performance.now();
    // Three labels in one connection: one prints, one waits in the buffer, the third must wait for room.
    await sendToPrinter(printer.address, Buffer.from(label4x6(1) + label4x6(2) + label4x6(3), 'latin1'), { timeoutMs: 5_000 });
    const acceptedAfter = performance.now() - started;
    expect(printer.labels.length).toBeGreaterThanOrEqual(1); // the connection closed only once there was room
    expect(acceptedAfter).toBeGreaterThanOrEqual(95);

    const labels = await printer.waitForLabels(3, 2_000);
    for (const l of labels) {
      expect(l.lengthInches).toBeCloseTo(6, 5);
      expect(l.finishedAt - l.startedAt).toBeGreaterThanOrEqual(99);
      expect(l.finishedAt - l.startedAt).toBeLessThan(400); // timer lateness on a busy CI machine
    }
    expect(labels[1]!.startedAt).toBeGreaterThanOrEqual(labels[0]!.finishedAt);
    const stats = printer.stats();
    expect(stats.labels).toBe(3);
    expect(stats.idleRatio).toBeLessThan(0.05); // all three were in the printer: no waiting between them
  });

  it('records the idle time when the sender waits for each label to finish', async () => {
    printer = await startSlowPrinter({ speedUp: 20 });
    for (let i = 0; i < 3; i++) {
      await sendToPrinter(printer.address, Buffer.from(label4x6(i), 'latin1'));
      await printer.waitForLabels(i + 1, 2_000);
      await new Promise((r) => setTimeout(r, 30)); // a station that dawdles 30 ms between labels
    }
    const stats = printer.stats();
    expect(stats.maxGapMs).toBeGreaterThanOrEqual(29);
    expect(stats.idleMs).toBeGreaterThanOrEqual(58);
    expect(printer.partialBytes).toBe(0);
  });
});
