import { describe, expect, it } from 'vitest';
import { PrintError } from '../../../../../electron/station/printing/print-error';
import { renderForPrinter } from '../../../../../electron/station/printing/render/render';
import { detectZplDpi } from '../../../../../electron/station/printing/languages/zpl-dpi';
import { testLabelZpl } from '../../../../../electron/station/printing/languages/test-label';

const zpl = (body: string): Buffer => Buffer.from(`^XA${body}^FO40,40^BY3^BCN,150,Y,N,N^FD1Z999AA10123456784^FS^XZ\n`, 'latin1');

describe('detectZplDpi', () => {
  it('reads the resolution from a 4-inch ^PW', () => {
    expect(detectZplDpi('^XA^PW812^LL1218^XZ')).toEqual({ dpi: 203, basis: 'width' });
    expect(detectZplDpi('^XA^PW800^XZ')).toEqual({ dpi: 203, basis: 'width' });
    expect(detectZplDpi('^XA^PW1200^LL1800^XZ')).toEqual({ dpi: 300, basis: 'width' });
    expect(detectZplDpi('^XA^PW2400^XZ')).toEqual({ dpi: 600, basis: 'width' });
    // 100 mm and A6 stock.
    expect(detectZplDpi('^XA^PW1181^XZ')).toEqual({ dpi: 300, basis: 'width' });
    expect(detectZplDpi('^xa^pw839^xz')).toEqual({ dpi: 203, basis: 'width' });
  });

  it('falls back to ^LL (6 in, 8 in, 148/150 mm), then to 203 dpi for sizes that match no stock', () => {
    expect(detectZplDpi('^XA^LL1218^XZ')).toEqual({ dpi: 203, basis: 'length' });
    expect(detectZplDpi('^XA^LL2400^XZ')).toEqual({ dpi: 300, basis: 'length' });
    expect(detectZplDpi('^XA^LL1800^XZ')).toEqual({ dpi: 300, basis: 'length' });
    expect(detectZplDpi('^XA^PW406^LL609^XZ')).toEqual({ dpi: 203, basis: 'default' });
  });

  it('says nothing when the label has no size commands', () => {
    expect(detectZplDpi(zpl(''))).toBeNull();
  });

  it("recognises the station's own test label at each dpi", () => {
    for (const dpi of [203, 300, 600] as const) expect(detectZplDpi(testLabelZpl({ dpi }))?.dpi).toBe(dpi);
  });
});

describe('renderForPrinter with ZPL labels', () => {
  it("sends a ZPL label made for the printer's dpi untouched", async () => {
    for (const [label, dpi] of [
      [zpl('^PW812^LL1218'), 203],
      [zpl('^PW1200^LL1800'), 300],
    ] as const) {
      const out = await renderForPrinter(label, { dpi });
      expect(out.payload.equals(label)).toBe(true);
      expect(out.warnings).toEqual([]);
      expect(out.language).toBe('zpl');
    }
  });

  it('refuses a 203 dpi label on a 300 dpi printer (and the reverse) with what to do next', async () => {
    const error = await renderForPrinter(zpl('^PW812^LL1218'), { dpi: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({
      code: 'zpl_wrong_dpi',
      message: expect.stringContaining('This label was made for a 203 dpi printer; this printer is 300 dpi'),
      nextStep: expect.stringMatching(/Ask the provider for PDF labels .*or use a 203 dpi printer/),
    });
    await expect(renderForPrinter(zpl('^PW1200'), { dpi: 203 })).rejects.toMatchObject({
      code: 'zpl_wrong_dpi',
      message: expect.stringContaining('made for a 300 dpi printer; this printer is 203 dpi'),
    });
    await expect(renderForPrinter(zpl('^LL1218'), { dpi: 600 })).rejects.toMatchObject({ code: 'zpl_wrong_dpi' });
  });

  it('passes a ZPL label with no size commands through, flagged when the printer is not 203 dpi', async () => {
    const label = zpl('');
    const at203 = await renderForPrinter(label, { dpi: 203 });
    expect(at203.warnings).toEqual([]);
    const at300 = await renderForPrinter(label, { dpi: 300 });
    expect(at300.payload.equals(label)).toBe(true);
    expect(at300.warnings).toEqual([{ code: 'zpl_dpi_unchecked', message: expect.stringContaining('300 dpi printer') }]);
  });

  it('refuses ZPL for a printer of another language, since the station cannot redraw ZPL', async () => {
    for (const language of ['epl', 'tspl', 'escpos', 'pdf'] as const) {
      await expect(renderForPrinter(zpl('^PW812'), { dpi: 203, language })).rejects.toMatchObject({
        name: 'PrintError',
        code: 'zpl_needs_zpl_printer',
        message: expect.stringContaining('only a ZPL'),
        nextStep: expect.stringContaining('PDF labels'),
      });
    }
  });

  it('rejects options outside what the engine supports', async () => {
    await expect(renderForPrinter(zpl(''), { dpi: 150 as never })).rejects.toThrow(RangeError);
    await expect(renderForPrinter(zpl(''), { dpi: 203, language: 'dpl' as never })).rejects.toThrow(/language/);
    await expect(renderForPrinter(zpl(''), { dpi: 203, media: 'letter' as never })).rejects.toThrow(/media/);
  });
});
