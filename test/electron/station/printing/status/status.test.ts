/** Parsing what printers say about themselves: Zebra ~HS lines and ESC/POS DLE EOT bytes. */
import { describe, expect, it } from 'vitest';
import { isEscPosStatusByte, parseEscPosStatus } from '../../../../../electron/station/printing/status/status-escpos';
import { parseZebraHostStatus, zebraStatusLines } from '../../../../../electron/station/printing/status/status-zebra';

const STX = '\u0002';
const ETX = '\u0003';

/** A ~HS answer with the given fields changed (string 1 index -> value, string 2 index -> value). */
function hs(one: Record<number, string> = {}, two: Record<number, string> = {}): Buffer {
  const s1 = ['030', '0', '0', '1218', '000', '0', '0', '0', '000', '0', '0', '0'];
  const s2 = ['001', '0', '0', '0', '0', '2', '6', '0', '00000000', '1', '000'];
  for (const [i, v] of Object.entries(one)) s1[Number(i)] = v;
  for (const [i, v] of Object.entries(two)) s2[Number(i)] = v;
  return Buffer.from(`${STX}${s1.join(',')}${ETX}\r\n${STX}${s2.join(',')}${ETX}\r\n${STX}1234,0${ETX}\r\n`, 'latin1');
}

describe('Zebra ~HS', () => {
  it('reads a ready printer as ok, with the work still pending inside it', () => {
    expect(parseZebraHostStatus(hs({ 4: '002' }, { 8: '00000005' }))).toEqual({
      ok: true,
      faults: [],
      warnings: [],
      message: 'The printer is ready.',
      pending: { formats: 2, labels: 5 },
    });
  });

  it.each([
    ['paper out (string 1, field 2)', hs({ 1: '1' }), 'paper_out', /out of labels: load a new roll/],
    ['paused (string 1, field 3)', hs({ 2: '1' }), 'paused', /paused: press the Pause button/],
    ['buffer full (string 1, field 6)', hs({ 5: '1' }), 'buffer_full', /memory is full/],
    ['corrupt RAM (string 1, field 10)', hs({ 9: '1' }), 'settings_lost', /lost its settings/],
    ['under temperature (string 1, field 11)', hs({ 10: '1' }), 'head_too_cold', /too cold/],
    ['over temperature (string 1, field 12)', hs({ 11: '1' }), 'head_too_hot', /too hot/],
    ['head up (string 2, field 3)', hs({}, { 2: '1' }), 'head_open', /head is open: close it/],
    ['ribbon out (string 2, field 4)', hs({}, { 3: '1' }), 'ribbon_out', /ribbon has run out/],
  ])('reads %s as a fault', (_name, answer, fault, message) => {
    const status = parseZebraHostStatus(answer)!;
    expect(status.ok).toBe(false);
    expect(status.faults).toEqual([fault]);
    expect(status.message).toMatch(message);
  });

  it('puts the most urgent fault first when several are on', () => {
    const status = parseZebraHostStatus(hs({ 1: '1', 2: '1' }, { 2: '1' }))!;
    expect(status.faults).toEqual(['head_open', 'paper_out', 'paused']);
    expect(status.message.indexOf('head is open')).toBeLessThan(status.message.indexOf('Pause button'));
  });

  it('does not take the label length or interface settings for flags', () => {
    // "1" in label length, formats and the interface byte are not faults.
    expect(parseZebraHostStatus(hs({ 0: '111', 3: '0001', 4: '001' }, { 0: '111', 1: '1' }))!.ok).toBe(true);
  });

  it('rejects an answer that is not a ~HS answer', () => {
    expect(parseZebraHostStatus(Buffer.from('hello'))).toBeNull();
    expect(parseZebraHostStatus(Buffer.from(`${STX}030,0,0${ETX}${STX}001,0${ETX}${STX}1234,0${ETX}`))).toBeNull();
    expect(parseZebraHostStatus(hs({ 1: 'x' }))).toBeNull();
  });

  it('finds the STX…ETX strings even with noise around them', () => {
    expect(zebraStatusLines(Buffer.from(`junk${STX}a,b${ETX}\r\n${STX}c${ETX}`))).toEqual(['a,b', 'c']);
  });
});

describe('ESC/POS DLE EOT', () => {
  const READY = 0x12; // bits 1 and 4 always on

  it('knows a status byte from noise', () => {
    expect(isEscPosStatusByte(READY)).toBe(true);
    expect(isEscPosStatusByte(READY | 0x04 | 0x08 | 0x20 | 0x40)).toBe(true);
    expect(isEscPosStatusByte(0x00)).toBe(false);
    expect(isEscPosStatusByte(0x41)).toBe(false);
  });

  it('reads a ready printer', () => {
    expect(parseEscPosStatus({ 1: READY, 2: READY, 3: READY, 4: READY })).toMatchObject({ ok: true, faults: [] });
  });

  it('reads paper end from the offline cause or the paper sensor, and cover open', () => {
    expect(parseEscPosStatus({ 1: READY | 0x08, 2: READY | 0x20 }).faults).toEqual(['paper_out']);
    expect(parseEscPosStatus({ 4: READY | 0x60 }).faults).toEqual(['paper_out']);
    expect(parseEscPosStatus({ 1: READY | 0x08, 2: READY | 0x04 }).faults).toEqual(['cover_open']);
  });

  it('reads cutter and other errors, and offline without a cause', () => {
    expect(parseEscPosStatus({ 2: READY | 0x40, 3: READY | 0x08 }).faults).toEqual(['cutter_error']);
    expect(parseEscPosStatus({ 3: READY | 0x20 }).faults).toEqual(['printer_error']);
    expect(parseEscPosStatus({ 1: READY | 0x08 }).faults).toEqual(['offline']);
  });

  it('warns of a nearly empty roll without stopping the printer', () => {
    const status = parseEscPosStatus({ 1: READY, 4: READY | 0x0c });
    expect(status.ok).toBe(true);
    expect(status.warnings).toEqual(['paper_near_end']);
    expect(status.message).toMatch(/nearly used up/);
  });
});
