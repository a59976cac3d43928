import { describe, expect, it } from 'vitest';
import { sniffLabelFormat } from '../../../electron/station/printing/index';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffLabelFormat tells a label file by its bytes', () => {
  it('recognises PDF, PNG and ZPL', () => {
    expect(sniffLabelFormat(ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('pdf');
    expect(sniffLabelFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('png');
    expect(sniffLabelFormat(ascii('^XA^FO50,50^FDHello^FS^XZ'))).toBe('zpl');
  });

  it('accepts ZPL after a BOM or whitespace, and ZPL that starts with ~ commands', () => {
    expect(sniffLabelFormat(Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('\r\n  ^XA^XZ')]))).toBe('zpl');
    expect(sniffLabelFormat(ascii('~SD15\n~TA000\n^XA^FDx^FS^XZ'))).toBe('zpl');
    expect(sniffLabelFormat(ascii('\n^xa^xz'))).toBe('zpl');
  });

  it('finds a PDF header preceded by junk within the first KiB', () => {
    expect(sniffLabelFormat(ascii(`${' '.repeat(20)}%PDF-1.4`))).toBe('pdf');
    expect(sniffLabelFormat(ascii(`${'x'.repeat(2000)}%PDF-1.4`))).toBeNull();
  });

  it('rejects anything else, whatever it claims to be', () => {
    for (const text of ['', '<html><body>label.pdf</body></html>', '{"file_type":"pdf"}', 'XA^FO', '~hello world', 'PDF-1.4', 'GIF89a']) {
      expect(sniffLabelFormat(ascii(text)), text).toBeNull();
    }
    // PNG signature cut short, JPEG.
    expect(sniffLabelFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffLabelFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
  });
});
