/**
 * Mettler Toledo MT-SICS: the station sends "SI" (send weight immediately) and the scale answers one
 * line ended by CR LF: "S S     1.234 kg" (stable), "S D     1.230 kg" (dynamic: in motion),
 * "S I" (cannot answer now), "S +" (overload), "S -" (underload); "ES", "ET", "EL" are the general
 * syntax, transmission and logical errors.
 */
import { weightFromText, type ScaleSample } from './sample';

export const MT_SICS_REQUEST = 'SI\r\n';
export const MT_SICS_DELIMITER = '\r\n';

const WEIGHT = /^S\s+([SD])\s+([-+]?\s*\d+(?:\.\d*)?|[-+]?\.\d+)\s+(\S+)$/;

export function parseMtSicsLine(line: string): ScaleSample | null {
  const text = line.trim();
  if (text === '') return null;
  const weight = WEIGHT.exec(text);
  if (weight) {
    const parsed = weightFromText(weight[2]!, weight[3]!);
    if (!parsed) return { state: 'fault', weight: null, detail: `unit "${weight[3]}" is not one the station uses` };
    return { state: stateOf(parsed.value, weight[1] === 'S'), weight: parsed };
  }
  if (/^S\s+\+$/.test(text)) return { state: 'over_capacity', weight: null };
  if (/^S\s+-$/.test(text)) return { state: 'under_zero', weight: null };
  if (/^S\s+I$/.test(text)) return { state: 'busy', weight: null };
  if (/^E[STL]$/.test(text)) return { state: 'fault', weight: null, detail: `scale answered ${text}` };
  return null;
}

/** A negative weight is under zero; 0 settled is an empty scale. */
export function stateOf(value: number, settled: boolean): ScaleSample['state'] {
  if (value < 0) return 'under_zero';
  if (!settled) return 'in_motion';
  return value === 0 ? 'zero' : 'stable';
}
