/** Labels Shipium sends inline are kept as `data:` URLs, so the history can re-read them offline. */
import { sniffLabelFormat } from '../../../../shared/domain/label-format';

const MIME = { pdf: 'application/pdf', png: 'image/png', zpl: 'application/zpl' } as const;

export function labelDataUrl(bytes: Uint8Array): string {
  const format = sniffLabelFormat(bytes);
  const mime = format ? MIME[format] : 'application/octet-stream';
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/** The bytes of a base64 `data:` URL, or null when the text is not one. */
export function decodeLabelDataUrl(url: string): Uint8Array | null {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[\w.-]+)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(url);
  if (!match) return null;
  return new Uint8Array(Buffer.from(match[3]!, 'base64'));
}
