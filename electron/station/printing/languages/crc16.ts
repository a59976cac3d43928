/**
 * CRC-16/XMODEM (poly 0x1021, init 0x0000, no reflection, no final xor): the CRC Zebra printers
 * check after a `:Z64:` / `:B64:` payload. Zebra does not publish the variant; a published Z64
 * example (checked in test/electron/station/printing/languages/z64.test.ts) matches this one and not CCITT-FALSE.
 */
const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[n] = crc;
  }
  return table;
})();

export function crc16Xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ bytes[i]!) & 0xff]!;
  return crc;
}

/** The CRC as ZPL writes it: 4 uppercase hex digits. */
export function crc16Hex(text: string): string {
  return crc16Xmodem(Buffer.from(text, 'latin1')).toString(16).toUpperCase().padStart(4, '0');
}
