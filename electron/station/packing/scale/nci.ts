/**
 * The NCI protocol (NCI, Avery Weigh-Tronix, Salter Brecknell bench scales; Weigh-Tronix control
 * document SCP-01): the station sends "W<CR>" and the scale answers
 * <LF>weight+unit<CR><LF>status<CR><ETX>, e.g. "\n  1.25lb\r\n00\r\x03", or only
 * <LF>status<CR><ETX> when it has no weight to show (over capacity, in motion on some models),
 * or <LF>?<CR><ETX> for a command it does not know.
 *
 * Status byte 1: bit 0 in motion, bit 1 at zero, bit 2 RAM error, bit 3 EEPROM error.
 * Status byte 2: bit 0 under capacity, bit 1 over capacity, bit 2 ROM error, bit 3 faulty calibration.
 * Bits 4 and 5 are always 1 (the bytes are printable), bit 6 says another byte follows, bit 7 is parity.
 */
import { stateOf } from './mt-sics';
import { weightFromText, type ScaleSample } from './sample';

export const NCI_REQUEST = 'W\r';
export const NCI_DELIMITER = '\x03';

const WEIGHT = /^([-+]?\s*\d*\.?\d+)\s*(lb|lbs|kg|oz|g)$/i;

/** One frame up to (without) its ETX. */
export function parseNciFrame(frame: string): ScaleSample | null {
  const lines = frame
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return null;
  if (lines.length === 1 && lines[0] === '?') return { state: 'fault', weight: null, detail: 'scale did not know the command' };
  const statusLine = lines[lines.length - 1]!;
  const weightLine = lines.length >= 2 ? lines[lines.length - 2]! : undefined;
  if (statusLine.length < 2 || !/^[\x20-\x7f]+$/.test(statusLine)) return null;
  const s1 = statusLine.charCodeAt(0) & 0x7f;
  const s2 = statusLine.charCodeAt(1) & 0x7f;
  if ((s1 & 0x30) !== 0x30 || (s2 & 0x30) !== 0x30) return null;
  if (s1 & 0b1100 || s2 & 0b0100) return { state: 'fault', weight: null, detail: `scale reports a memory error (status ${statusLine})` };
  if (s2 & 0b1000) return { state: 'needs_calibration', weight: null };
  if (s2 & 0b0010) return { state: 'over_capacity', weight: null };
  if (s2 & 0b0001) return { state: 'under_zero', weight: null };
  const motion = (s1 & 0b0001) !== 0;
  const atZero = (s1 & 0b0010) !== 0;
  const match = weightLine ? WEIGHT.exec(weightLine) : null;
  const weight = match ? weightFromText(match[1]!, match[2]!) : null;
  if (!weight) {
    if (atZero && !motion) return { state: 'zero', weight: null };
    return motion ? { state: 'in_motion', weight: null } : { state: 'fault', weight: null, detail: 'no weight in the answer' };
  }
  if (atZero && !motion) return { state: 'zero', weight: { value: 0, unit: weight.unit } };
  return { state: stateOf(weight.value, !motion), weight };
}
