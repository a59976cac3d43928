/**
 * Draws the sandbox's 4x6 in label (288 x 432 pt) with pdfkit's built-in Helvetica: a carrier-style
 * layout with an unmistakable SANDBOX band, so nobody ever ships a parcel with it.
 */
import PDFDocument from 'pdfkit';
import type { Parcel } from '../../../../shared/domain/parcels';
import { dotsToPt, encodeCode128, layoutCode128, LABEL_DPI } from './code128-bars';
import { sandboxRecipientFor, sandboxSender, type LabelAddress } from './sandbox-addresses';

export const SANDBOX_SERVICE_NAME = 'TikTok Shipping Standard (sandbox)';
export const SANDBOX_BANNER = 'SANDBOX — NOT A REAL LABEL';

export interface SandboxLabelInput {
  orderId: string;
  /** One page per tracking number. */
  trackingNumbers: string[];
  /**
   * The parcel of each page (same order as trackingNumbers), with the order line items packed in
   * it when the shipment was split; null when no longer known.
   */
  parcels: Array<Parcel & { itemIds?: string[] }> | null;
  labelId: string;
  date: Date;
  /** Defaults: the sandbox warehouse and a fake recipient chosen by the order ID. */
  sender?: LabelAddress;
  recipient?: LabelAddress;
  service?: string;
}

const PAGE_W = 288;
const PAGE_H = 432;
const M = 8;
const INNER_W = PAGE_W - 2 * M;

export function renderSandboxLabelPdf(input: SandboxLabelInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE_W, PAGE_H],
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Sandbox label ${input.orderId}`, Author: 'Label Station sandbox', CreationDate: input.date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const count = input.trackingNumbers.length;
  input.trackingNumbers.forEach((tracking, index) => {
    doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 });
    drawPage(doc, input, tracking, index, count);
  });
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function drawPage(doc: Doc, input: SandboxLabelInput, tracking: string, index: number, count: number): void {
  const sender = input.sender ?? sandboxSender;
  const recipient = input.recipient ?? sandboxRecipientFor(input.orderId);
  const parcel = input.parcels?.[index] ?? null;

  doc
    .lineWidth(1.5)
    .rect(M - 2, M - 2, INNER_W + 4, PAGE_H - 2 * M + 4)
    .stroke('black');

  band(doc, M - 2, 34, SANDBOX_BANNER, 14.5);

  // Service row: a big service letter box, like carrier labels have, then the shipment facts.
  const rowY = 46;
  doc
    .lineWidth(2)
    .rect(M + 2, rowY, 54, 54)
    .stroke('black');
  doc
    .font('Helvetica-Bold')
    .fontSize(44)
    .fillColor('black')
    .text('S', M + 2, rowY + 8, { width: 54, align: 'center', lineBreak: false });
  const infoX = M + 64;
  const infoW = INNER_W - 68;
  fitText(doc, input.service ?? SANDBOX_SERVICE_NAME, 'Helvetica-Bold', 10, infoX, rowY, infoW);
  doc.font('Helvetica').fontSize(8.5);
  const facts = [
    `Ship date: ${formatDate(input.date)}`,
    `Weight: ${parcel ? `${parcel.weight.value} ${parcel.weight.unit}` : 'not recorded'}`,
    `Box: ${parcel ? formatBox(parcel) : 'not recorded'}`,
    `Parcel ${index + 1} of ${count}`,
  ];
  facts.forEach((line, i) => doc.text(line, infoX, rowY + 15 + i * 10, { width: infoW, lineBreak: false }));

  rule(doc, 106, 1);
  doc
    .font('Helvetica-Bold')
    .fontSize(7)
    .text('FROM:', M + 4, 111, { lineBreak: false });
  addressLines(sender, true).forEach((line, i) => fitText(doc, line, 'Helvetica', 8, M + 36, 111 + i * 9.5, INNER_W - 40));

  rule(doc, 160, 1);
  doc
    .font('Helvetica-Bold')
    .fontSize(8)
    .text('SHIP TO:', M + 4, 166, { lineBreak: false });
  const toLines = addressLines(recipient, false);
  let y = 178;
  toLines.forEach((line, i) => {
    const isName = i === 0;
    const isCityLine = i === toLines.length - 2;
    fitText(doc, line, isName || isCityLine ? 'Helvetica-Bold' : 'Helvetica', isName ? 14 : 12.5, M + 24, y, INNER_W - 28);
    y += isName ? 17 : 15;
  });

  rule(doc, 256, 3);
  doc
    .font('Helvetica-Bold')
    .fontSize(8.5)
    .text('TIKTOK SHIPPING TRACKING #', M, 263, { width: INNER_W, align: 'center', lineBreak: false });
  drawBarcode(doc, tracking, 276, dotsToPt(LABEL_DPI)); // one inch tall
  doc.font('Helvetica-Bold').fontSize(12).text(tracking, M, 354, { width: INNER_W, align: 'center', lineBreak: false });

  rule(doc, 372, 3);
  doc
    .font('Helvetica')
    .fontSize(8)
    .text('TikTok order ID:', M + 4, 378, { lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(input.orderId, M + 72, 377, { lineBreak: false });
  const items = parcel?.itemIds ?? [];
  if (items.length > 0) {
    fitText(doc, itemsLine(items), 'Helvetica-Bold', 7.5, M + 4, 389, INNER_W - 8);
    doc
      .font('Helvetica')
      .fontSize(5.5)
      .text(`Label ID: ${input.labelId}`, M + 4, 398, { width: INNER_W - 8, lineBreak: false });
  } else {
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .text(`Label ID: ${input.labelId}`, M + 4, 391, { width: INNER_W - 8, lineBreak: false });
  }

  band(doc, PAGE_H - M - 20, 22, 'SANDBOX — DO NOT SHIP', 11);
}

/** One line of text, shrunk to fit `width` instead of wrapping (long names, long services). */
function fitText(doc: Doc, text: string, font: string, maxSize: number, x: number, y: number, width: number): void {
  doc.font(font).fontSize(maxSize);
  const natural = doc.widthOfString(text);
  const size = natural > width ? Math.max(5, (maxSize * width) / natural) : maxSize;
  doc.fontSize(size).text(text, x, y + (maxSize - size) / 2, { lineBreak: false });
}

function band(doc: Doc, y: number, height: number, text: string, size: number): void {
  doc.rect(M - 2, y, INNER_W + 4, height).fill('black');
  doc.font('Helvetica-Bold').fontSize(size).fillColor('white');
  doc.text(text, M, y + (height - size * 0.72) / 2, { width: INNER_W, align: 'center', lineBreak: false });
  doc.fillColor('black');
}

function rule(doc: Doc, y: number, width: number): void {
  doc
    .lineWidth(width)
    .moveTo(M - 2, y)
    .lineTo(PAGE_W - M + 2, y)
    .stroke('black');
}

function drawBarcode(doc: Doc, text: string, topPt: number, heightPt: number): void {
  const pageDots = Math.round((PAGE_W * LABEL_DPI) / 72); // 812 at 203 dpi
  const marginDots = 16;
  const layout = layoutCode128(encodeCode128(text), { leftDots: marginDots, availableDots: pageDots - 2 * marginDots });
  for (const bar of layout.rects) doc.rect(bar.x, topPt, bar.width, heightPt);
  doc.fill('black');
}

/** The sender block is compact (street lines joined); the recipient block gets a line each. */
function addressLines(a: LabelAddress, compact: boolean): string[] {
  const streets = compact ? [[a.street1, a.street2].filter(Boolean).join(', ')] : [a.street1, ...(a.street2 ? [a.street2] : [])];
  return [a.name, ...(compact && a.company ? [a.company] : []), ...streets, `${a.city} ${a.state} ${a.postalCode}`.trim(), a.country];
}

/** "Items: a, b, c", cut to a readable length with the count of the rest. */
export function itemsLine(itemIds: string[], maxChars = 70): string {
  let shown = itemIds.length;
  const line = (n: number) => `Items: ${itemIds.slice(0, n).join(', ')}${n < itemIds.length ? ` (+${itemIds.length - n} more)` : ''}`;
  while (shown > 1 && line(shown).length > maxChars) shown -= 1;
  return line(shown);
}

function formatBox(parcel: Parcel): string {
  const d = parcel.dimension;
  return `${d.width} x ${d.height} x ${d.depth} ${d.unit}`;
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
