/** Encodes a 1-bit bitmap as a 1-bit grayscale PNG (small, and exactly the dots the printer gets). */
import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

export function bitmapToPng(bitmap: Bitmap): Buffer {
  const { widthDots, heightDots, bytesPerRow, data } = bitmap;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthDots, 0);
  ihdr.writeUInt32BE(heightDots, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  // PNG grayscale: 0 is black, so the printer's 1 = black bits are inverted; each row starts with filter 0.
  const raw = Buffer.alloc((bytesPerRow + 1) * heightDots);
  for (let y = 0; y < heightDots; y++) {
    const out = y * (bytesPerRow + 1);
    for (let i = 0; i < bytesPerRow; i++) raw[out + 1 + i] = ~data[y * bytesPerRow + i]! & 0xff;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
