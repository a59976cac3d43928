/**
 * The end-of-day summary on one A4 page (pdfkit, built-in Helvetica): the day's totals, a bar chart
 * of labels per hour, the table per operator (and per station in a fleet) and the reprint reasons. Sent untouched to an office
 * printer's PDF queue.
 */
import PDFDocument from 'pdfkit';
import type { DaySummary } from '../../../shared/domain/reports';

const A4 = { w: 595.28, h: 841.89 };
const M = 48;
const W = A4.w - 2 * M;

export function renderSummaryPdf(summary: DaySummary, station: string, printedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: M,
    info: { Title: `End of day ${summary.date} — ${station}`, Author: 'Label Station', CreationDate: printedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc, summary, station, printedAt);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function draw(doc: Doc, s: DaySummary, station: string, printedAt: Date): void {
  doc.font('Helvetica-Bold').fontSize(20).text(`End of day — ${s.date}`, M, M);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#444')
    .text(`${station} · ${s.timeZone} · printed ${printedAt.toLocaleString('en-GB')}`);
  doc.fillColor('black').moveDown(1);

  // Totals: four big figures, then the smaller ones.
  const figures: Array<[string, string]> = [
    ['Labels', String(s.labels)],
    ['Boxes', String(s.boxes)],
    ['Reprints', String(s.reprints)],
    ['Failures', String(s.purchaseFailures + s.printFailures)],
  ];
  const top = doc.y;
  const cell = W / figures.length;
  figures.forEach(([name, value], i) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(26)
      .text(value, M + i * cell, top, { width: cell - 8 });
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#444')
      .text(name, M + i * cell, top + 30, { width: cell - 8 });
    doc.fillColor('black');
  });
  doc.y = top + 52;
  doc.x = M;
  doc
    .fontSize(10)
    .text(`Cost: ${s.cost.length ? s.cost.map((c) => `${c.amount.toFixed(2)} ${c.currency}`).join(' · ') : '—'}`)
    .text(`Purchases refused: ${s.purchaseFailures} · Prints failed: ${s.printFailures} · Purchases still being checked: ${s.uncertain}`);
  doc.moveDown(1);

  drawHourChart(doc, s);
  drawOperators(doc, s);
  drawReasons(doc, s);
}

function drawHourChart(doc: Doc, s: DaySummary): void {
  doc.font('Helvetica-Bold').fontSize(13).text('Labels per hour', M);
  const chartTop = doc.y + 6;
  const chartH = 150;
  const max = Math.max(1, ...s.hours.map((h) => h.labels));
  const slot = W / 24;
  doc
    .lineWidth(0.5)
    .strokeColor('#999')
    .moveTo(M, chartTop + chartH)
    .lineTo(M + W, chartTop + chartH)
    .stroke();
  for (const h of s.hours) {
    const barH = (h.labels / max) * (chartH - 14);
    const x = M + h.hour * slot + 2;
    if (h.labels > 0) {
      doc.rect(x, chartTop + chartH - barH, slot - 4, barH).fill('#2563eb');
      doc
        .fillColor('black')
        .font('Helvetica')
        .fontSize(7)
        .text(String(h.labels), x - 2, chartTop + chartH - barH - 10, { width: slot, align: 'center' });
    }
    doc
      .fillColor('#444')
      .fontSize(7)
      .text(String(h.hour).padStart(2, '0'), x - 2, chartTop + chartH + 3, { width: slot, align: 'center' });
  }
  doc.fillColor('black');
  doc.y = chartTop + chartH + 22;
  doc.x = M;
}

type BreakdownRow = DaySummary['operators'][number] | DaySummary['stations'][number];

function drawOperators(doc: Doc, s: DaySummary): void {
  drawBreakdown(doc, 'Per operator', 'Operator', s.operators, (o) => ('operator' in o ? o.operator : '') || '(nobody named)');
  // A fleet's summary counts every station's labels: say which station did what.
  if (s.stations.length > 1)
    drawBreakdown(doc, 'Per station', 'Station', s.stations, (o) => ('station' in o ? o.station : '') || '(not recorded)');
}

function drawBreakdown(doc: Doc, title: string, first: string, rows: BreakdownRow[], name: (row: BreakdownRow) => string): void {
  doc.font('Helvetica-Bold').fontSize(13).text(title, M);
  doc.moveDown(0.3);
  const cols: Array<[string, number]> = [
    [first, 170],
    ['Labels', 55],
    ['Boxes', 55],
    ['Reprints', 60],
    ['Failures', 60],
    ['Cost', W - 400],
  ];
  row(
    doc,
    cols,
    cols.map(([heading]) => heading),
    true,
  );
  if (rows.length === 0) doc.font('Helvetica').fontSize(10).text('Nothing was bought or printed that day.', M);
  for (const o of rows) {
    row(
      doc,
      cols,
      [
        name(o),
        String(o.labels),
        String(o.boxes),
        String(o.reprints),
        String(o.purchaseFailures + o.printFailures),
        o.cost.map((c) => `${c.amount.toFixed(2)} ${c.currency}`).join(', ') || '—',
      ],
      false,
    );
  }
  doc.moveDown(1);
}

function drawReasons(doc: Doc, s: DaySummary): void {
  if (s.reprintReasons.length === 0) return;
  doc.font('Helvetica-Bold').fontSize(13).text('Reprint reasons', M);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
  for (const r of s.reprintReasons) doc.text(`${r.reprints} × ${r.reason || '(no reason given)'}`, M);
}

function row(doc: Doc, cols: Array<[string, number]>, cells: string[], head: boolean): void {
  const y = doc.y;
  let x = M;
  doc.font(head ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  cells.forEach((text, i) => {
    const width = cols[i]![1];
    doc.text(text, x, y, {
      width: width - 6,
      lineBreak: false,
      ellipsis: true,
      align: i === 0 || i === cells.length - 1 ? 'left' : 'right',
    });
    x += width;
  });
  doc.y = y + 15;
  doc.x = M;
  if (head)
    doc
      .lineWidth(0.5)
      .strokeColor('#999')
      .moveTo(M, doc.y - 3)
      .lineTo(M + W, doc.y - 3)
      .stroke();
}
