/** Tells a label file's format from its bytes; the format a provider declares is never trusted. */
import type { LabelFormat } from './labels';

export type { LabelFormat };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** How far into the file a PDF header may start (Acrobat accepts junk before `%PDF` up to 1 KiB). */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, text: string, limit: number): number {
  const end = Math.min(bytes.length - text.length, limit);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Skips a UTF-8 BOM and ASCII whitespace (ZPL files from some carriers start with either). */
function firstMeaningfulByte(bytes: Uint8Array): number {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

function isUpperAlnum(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39));
}

export function sniffLabelFormat(bytes: Uint8Array): LabelFormat | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (indexOfAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) >= 0) return 'pdf';
  const i = firstMeaningfulByte(bytes);
  const c0 = bytes[i];
  // ZPL: a format starts with ^XA; a file may also start with ~ commands (e.g. ~DG, ~SD, ~JA)
  // before the first format. Both ^ and ~ must be followed by a two-letter command.
  if (c0 === 0x5e /* ^ */ && (bytes[i + 1] === 0x58 || bytes[i + 1] === 0x78) && (bytes[i + 2] === 0x41 || bytes[i + 2] === 0x61)) {
    return 'zpl';
  }
  if (c0 === 0x7e /* ~ */ && isUpperAlnum(bytes[i + 1]) && isUpperAlnum(bytes[i + 2]) && indexOfAscii(bytes, '^XA', bytes.length) > i) {
    return 'zpl';
  }
  return null;
}
