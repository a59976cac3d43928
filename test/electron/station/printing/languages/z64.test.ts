import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bitmapToZpl, crc16Hex, encodeZ64, type Bitmap } from '../../../../../electron/station/printing/index';
import { bitmapFromRgba, bitmapToRgba, createBitmap } from '../../../../../electron/station/printing/render/bitmap';

/**
 * A ^GFA Z64 graphic published in BinaryKits.Zpl discussion #178 (github.com/BinaryKits/BinaryKits.Zpl/discussions/178):
 * `^GFA,02560,02560,00020,:Z64:<this>:D069`. Zebra keeps its CRC routine private, so this real
 * example is the independent check that the variant is XMODEM (init 0) and not CCITT-FALSE.
 */
const PUBLISHED_Z64 =
  'eJztVT2OEzEUtmMiF1OMkEApKHyEbRFI6xQcYA+AlCtwAjwl0l5ia66wRYYbQEFviSalkSIxSiZ+vGfP2J6ZQEFFsY6SsT5/+d57fj/D2H+1ni0+f118B9/nWAUAzYxmEOuXNPBT4g6+Pd+Bm2BwwJ/HroQkvMPfDWwLrD5F9kOBmai0KwX30WJVCEqIzzUU2HhehKJGHdUm7O14XNlsdvRLHhPmx41Ihnm6EH5ZnrLb5Ep2PynX2Vo9ehC82rI79iI7SO6tLLPsNRPjXwx+N1a6dZ8d/IhfbW+s6JML5B43zjjVZ1fxjO8tON2HfeA5usFf4EwfdSgMtFXDD3DgUyACeQoww4BGdebp7tVJnNFPNYSLvpujOYasDFiNGFht6y4HjBiH1rQhK0PAdAQNNNpmniIeh62xg3g8Ep57FngyXgyakj0HZtrMU5QR4WMRiIInEWvzf2+pYGY8HXikOAQfeXWHF1zyMB31VR6WILCJHmIDj0fem1GPTfSyXVnq/cG/ZmJ3EUfUgyHexBNeDHdQ3AtcuT/Ph3yINvPWmDk3yQcPeSOsbnPevkCr+oyF/D5M6yDUizPHGliqg1hXmkLOdUX1d1EgyekBI151vkfTh3CZtNbHWM8XgFTPVOsCTtBpn1o59Af8NL2C3B/0JMOVT/0R+m3nNj2Ol9TK1BOiW3W4SX2pMB7+gb1nm8yrGsbmW2kTlvpcZEyPm2K+mHTaXdmlU5lHtB6tFZNGfZ1virGXBmGWKefpeGvCZ4ibqKPK4a4P4bG3BRYnfUhcWisgxk0hR4KXO/Zy9v6ozqfPj+dmgq3p3TN5fZAWQnYKEfHCFuvTEnpaT+uf1m+WdlzV';

const require = createRequire(import.meta.url);
const zplImage = require('zpl-image') as {
  rgbaToZ64(rgba: Uint8Array, width: number, opts?: { black?: number; notrim?: boolean }): { length: number; rowlen: number; z64: string };
};

/** A bitmap with a pattern that is neither blank nor trivially compressible. */
function patternBitmap(width: number, height: number): Bitmap {
  const bitmap = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((x * 7 + y * 13) % 11 < 4 || (x > 10 && x < 20)) bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

function parseGfa(zpl: string): { total: number; fieldCount: number; bytesPerRow: number; base64: string; crc: string } {
  const m = /\^GFA,(\d+),(\d+),(\d+),:Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})\^FS/.exec(zpl);
  if (!m) throw new Error('no ^GFA Z64 field in ZPL');
  return { total: Number(m[1]), fieldCount: Number(m[2]), bytesPerRow: Number(m[3]), base64: m[4]!, crc: m[5]! };
}

describe('Z64 CRC', () => {
  it('is CRC-16/XMODEM: the catalogue check value for "123456789" is 31C3', () => {
    expect(crc16Hex('123456789')).toBe('31C3');
  });

  it('matches the CRC of a published Zebra Z64 graphic', () => {
    expect(crc16Hex(PUBLISHED_Z64)).toBe('D069');
    // And that example really is a 2560-byte graphic, as its ^GFA header says.
    expect(inflateSync(Buffer.from(PUBLISHED_Z64, 'base64')).length).toBe(2560);
  });

  it('agrees with zpl-image on the CRC of the same Base64 text', () => {
    const bitmap = patternBitmap(203, 57);
    const ours = encodeZ64(bitmap.data);
    const theirs = zplImage.rgbaToZ64(bitmapToRgba(bitmap) as unknown as Uint8Array, bitmap.widthDots, { notrim: true });
    expect(theirs.rowlen).toBe(bitmap.bytesPerRow);
    const [, , theirBase64, theirCrc] = theirs.z64.split(':');
    // Both decode to the same dots...
    expect(inflateSync(Buffer.from(theirBase64!, 'base64'))).toEqual(Buffer.from(bitmap.data));
    // ...and both compute the same CRC over the same text (zpl-image writes it in lower case).
    expect(crc16Hex(theirBase64!)).toBe(theirCrc!.toUpperCase());
    expect(ours).toMatch(/^:Z64:[A-Za-z0-9+/=]+:[0-9A-F]{4}$/);
  });
});

describe('bitmapToZpl', () => {
  it('writes one complete label whose ^GFA counts match the graphic and whose data inflates back to it', () => {
    const bitmap = patternBitmap(812, 1218);
    const zpl = bitmapToZpl(bitmap);
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toContain('^PW812');
    expect(zpl).toContain('^LL1218');
    expect(zpl).toContain('^PQ1');
    expect(zpl).toContain('^FO0,0^GFA,');
    const gfa = parseGfa(zpl);
    expect(gfa.bytesPerRow).toBe(102);
    expect(gfa.total).toBe(102 * 1218);
    expect(gfa.fieldCount).toBe(gfa.total);
    const inflated = inflateSync(Buffer.from(gfa.base64, 'base64'));
    expect(inflated.length).toBe(gfa.total);
    expect(inflated.equals(Buffer.from(bitmap.data))).toBe(true);
    expect(crc16Hex(gfa.base64)).toBe(gfa.crc);
  });

  it('pads rows that are not a multiple of 8 dots', () => {
    const zpl = bitmapToZpl(patternBitmap(13, 5), { compression: 'z64' });
    const gfa = parseGfa(zpl);
    expect(gfa.bytesPerRow).toBe(2);
    expect(gfa.total).toBe(10);
  });

  it('refuses a bitmap whose data does not fill its rows', () => {
    expect(() => bitmapToZpl({ widthDots: 16, heightDots: 2, bytesPerRow: 2, data: new Uint8Array(3) })).toThrow();
  });
});

describe('thresholding to 1 bit', () => {
  it('prints dark pixels black, light ones white, and transparent ones white', () => {
    // 6 pixels: black, white, dark grey, light grey, transparent black, half-transparent black.
    // Three rows of them, so the light grey is an area and not a sub-dot stroke (which is kept black).
    const row = [0, 0, 0, 255, 255, 255, 255, 255, 100, 100, 100, 255, 160, 160, 160, 255, 0, 0, 0, 0, 0, 0, 0, 200];
    const bitmap = bitmapFromRgba(Uint8Array.from([...row, ...row, ...row]), 6, 3);
    expect(bitmap.bytesPerRow).toBe(1);
    // MSB first: 1 0 1 0 0 1 (pad 0 0)
    expect([...bitmap.data]).toEqual([0b10100100, 0b10100100, 0b10100100]);
  });
});
