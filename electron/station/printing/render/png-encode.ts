/** PNG files: a 1-bit bitmap as a 1-bit grayscale PNG (small, and exactly the dots the printer gets). */
import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file around image data already compressed (zlib) with its rows' filter bytes: grey or RGB. */
export function pngFile(width: number, height: number, bitDepth: number, colour: 'grey' | 'rgb', zlibData: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colour === 'grey' ? 0 : 2;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlibData), chunk('IEND', new Uint8Array(0))]);
}

export function bitmapToPng(bitmap: Bitmap): Buffer {
  const { widthDots, heightDots, bytesPerRow, data } = bitmap;
  // PNG grayscale: 0 is black, so the printer's 1 = black bits are inverted; each row starts with filter 0.
  const raw = Buffer.alloc((bytesPerRow + 1) * heightDots);
  for (let y = 0; y < heightDots; y++) {
    const out = y * (bytesPerRow + 1);
    for (let i = 0; i < bytesPerRow; i++) raw[out + 1 + i] = ~data[y * bytesPerRow + i]! & 0xff;
  }
  return pngFile(widthDots, heightDots, 1, 'grey', deflateSync(raw));
}
