/** Asking real (loopback) printers how they are: Zebra ~HS and ESC/POS DLE EOT over TCP. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintError } from '../../../../../electron/station/printing/print-error';
import { queryEscPosStatus } from '../../../../../electron/station/printing/status/status-escpos';
import { queryZebraStatus } from '../../../../../electron/station/printing/status/status-zebra';
import { ESC_POS_READY, startEscPosStatusPrinter, type EscPosStatusPrinter } from '../../../../fakes/escpos-status-printer';
import { startZebraStatusPrinter, type ZebraState, type ZebraStatusPrinter } from '../../../../fakes/zebra-status-printer';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Zebra ~HS over TCP', () => {
  let zebra: ZebraStatusPrinter | undefined;
  afterEach(async () => {
    await zebra?.close();
    zebra = undefined;
  });

  it('reports a ready printer as ok, without printing anything', async () => {
    zebra = await startZebraStatusPrinter({ state: 'ok' });
    const status = await queryZebraStatus(zebra.address, { timeoutMs: 1_000 });
    expect(status).toMatchObject({ ok: true, faults: [], message: 'The printer is ready.' });
    expect(zebra.statusRequests).toBe(1);
    expect(zebra.jobs).toEqual([]);
  });

  it.each([
    ['paper_out', /out of labels/],
    ['paused', /paused/],
    ['head_open', /head is open/],
    ['ribbon_out', /ribbon/],
    ['buffer_full', /memory is full/],
  ] as [ZebraState, RegExp][])('reports %s as a fault the worker can fix', async (state, message) => {
    zebra = await startZebraStatusPrinter({ state });
    const status = await queryZebraStatus(zebra.address, { timeoutMs: 1_000 });
    expect(status.ok).toBe(false);
    expect(status.faults).toEqual([state]);
    expect(status.message).toMatch(message);
  });

  it('reports a printer that never answers as a fault, not as ok', async () => {
    zebra = await startZebraStatusPrinter({ answers: false });
    const started = Date.now();
    const status = await queryZebraStatus(zebra.address, { timeoutMs: 300 });
    expect(status.ok).toBe(false);
    expect(status.faults).toEqual(['no_answer']);
    expect(status.message).toMatch(/did not answer within 300 ms.*out of labels or its head is open/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a printer that accepts but stalls as no answer', async () => {
    zebra = await startZebraStatusPrinter({ mode: 'stall' });
    const status = await queryZebraStatus(zebra.address, { timeoutMs: 300 });
    expect(status.faults).toEqual(['no_answer']);
  });

  it('reports a printer that refuses the connection as unreachable', async () => {
    const port = await closedPort();
    const status = await queryZebraStatus(`tcp://127.0.0.1:${port}`, { timeoutMs: 1_000 });
    expect(status.ok).toBe(false);
    expect(status.faults).toEqual(['unreachable']);
    expect(status.message).toMatch(`The printer at 127.0.0.1:${port} refused the connection.`);
  });

  it('follows the printer as it changes: paper out, then loaded again', async () => {
    zebra = await startZebraStatusPrinter({ state: 'paper_out' });
    expect((await queryZebraStatus(zebra.address, { timeoutMs: 1_000 })).faults).toEqual(['paper_out']);
    zebra.setState('ok');
    expect((await queryZebraStatus(zebra.address, { timeoutMs: 1_000 })).ok).toBe(true);
  });

  it('explains that status needs a network address', async () => {
    const error = await queryZebraStatus('cups:Zebra').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).message).toMatch(/only over the network, not from CUPS queue "Zebra"/);
  });
});

describe('ESC/POS status over TCP', () => {
  let printer: EscPosStatusPrinter | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  it('asks DLE EOT 1..4 and reports a ready printer as ok', async () => {
    printer = await startEscPosStatusPrinter(ESC_POS_READY);
    const status = await queryEscPosStatus(printer.address, { timeoutMs: 1_000 });
    expect(status).toMatchObject({ ok: true, faults: [] });
    expect(printer.requests).toEqual([1, 2, 3, 4]);
  });

  it('reports paper end and an open cover', async () => {
    printer = await startEscPosStatusPrinter({ 1: 0x1a, 2: 0x12 | 0x20 | 0x04, 3: 0x12, 4: 0x12 | 0x60 });
    const status = await queryEscPosStatus(printer.address, { timeoutMs: 1_000 });
    expect(status.ok).toBe(false);
    expect(status.faults).toEqual(['cover_open', 'paper_out']);
  });

  it('uses the answers it gets when the printer skips some requests', async () => {
    printer = await startEscPosStatusPrinter({ 1: 0x12, 4: 0x12 | 0x60 });
    const status = await queryEscPosStatus(printer.address, { timeoutMs: 1_000 });
    expect(status.faults).toEqual(['paper_out']);
  });

  it('reports a silent printer as a fault', async () => {
    printer = await startEscPosStatusPrinter({});
    const status = await queryEscPosStatus(printer.address, { timeoutMs: 300 });
    expect(status).toMatchObject({ ok: false, faults: ['no_answer'] });
    expect(printer.requests).toEqual([1]);
  });
});
