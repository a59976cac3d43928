/** Zebra's Z64 encoding: zlib deflate, then Base64, then a CRC over the Base64 text. */
import { deflateSync } from 'node:zlib';
import { crc16Hex } from './crc16';

export function encodeZ64(data: Uint8Array): string {
  const base64 = deflateSync(data, { level: 6 }).toString('base64');
  return `:Z64:${base64}:${crc16Hex(base64)}`;
}
