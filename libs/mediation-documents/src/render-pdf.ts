import PDFDocument from 'pdfkit';
import type { DocumentBlock, DocumentDescription, TableColumn } from './document-blocks.js';
import { documentFonts, type DocumentFonts, type FontWeight } from './document-fonts.js';

type Pdf = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** The same margins as the HTML page's `@page`. */
const MARGINS = { top: 37 * MM, right: 26 * MM, bottom: 35 * MM, left: 28 * MM };
const BODY_SIZE = 12;
const LINE_GAP = 5;
const CELL_PADDING = 4;
/** Vertical spaces around the signatures, in lines. */
const SIGNATURES_SPACE_BEFORE = 1.5;
const SIGNATURE_SPACE_AFTER = 1;
const CLOSING_SPACE_BEFORE = 1.5;

/** The description drawn on A4 pages with an embedded (subset) Chinese serif face. */
export async function renderPdf(document: DocumentDescription): Promise<Buffer> {
  const fonts = await documentFonts();
  const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, info: { Title: document.title, Creator: 'Union Casework' }, autoFirstPage: true });
  const finished = collect(pdf);
  registerFonts(pdf, fonts);
  document.blocks.forEach((block, index) => {
    if (block.kind === 'signatures') keepWithClosing(pdf, block.signers.length, document.blocks[index + 1]);
    drawBlock(pdf, block);
  });
  pdf.end();
  return finished;
}

function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function registerFonts(pdf: Pdf, fonts: DocumentFonts): void {
  for (const weight of Object.keys(fonts) as FontWeight[]) pdf.registerFont(weight, fonts[weight]);
}

function use(pdf: Pdf, weight: FontWeight, size = BODY_SIZE): Pdf {
  return pdf.font(weight).fontSize(size);
}

function lineWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function drawBlock(pdf: Pdf, block: DocumentBlock): void {
  const left = pdf.page.margins.left;
  const width = lineWidth(pdf);
  switch (block.kind) {
    case 'letterhead':
      use(pdf, 'regular', 14).text(block.text, left, pdf.y, { width, align: 'center' });
      return;
    case 'title':
      pdf.moveDown(0.4);
      use(pdf, 'bold', 22).text(block.text, left, pdf.y, { width, align: 'center', characterSpacing: 6 });
      pdf.moveDown(0.2);
      return;
    case 'reference':
      use(pdf, 'regular').text(block.text, left, pdf.y, { width, align: 'right' });
      pdf.moveDown(0.6);
      return;
    case 'heading':
      pdf.moveDown(0.5);
      use(pdf, 'bold').text(block.text, left, pdf.y, { width, lineGap: LINE_GAP });
      return;
    case 'paragraph':
      use(pdf, 'regular').text(block.text, left, pdf.y, { width, lineGap: LINE_GAP, indent: block.indent ? 2 * BODY_SIZE : 0 });
      return;
    case 'item':
      drawItem(pdf, block.marker, block.text);
      return;
    case 'table':
      drawTable(pdf, block.columns, block.rows);
      return;
    case 'signatures':
      pdf.moveDown(SIGNATURES_SPACE_BEFORE);
      for (const signer of block.signers) drawSignatureLine(pdf, signer);
      return;
    case 'closing':
      pdf.moveDown(CLOSING_SPACE_BEFORE);
      for (const line of block.lines) use(pdf, 'regular').text(line, left, pdf.y, { width, align: 'right', lineGap: LINE_GAP });
  }
}

/** Signatures, seal and date stay on one page: a seal alone on the last page would certify nothing. */
function keepWithClosing(pdf: Pdf, signers: number, next: DocumentBlock | undefined): void {
  use(pdf, 'regular');
  const line = pdf.currentLineHeight(true) + LINE_GAP;
  const closingLines = next?.kind === 'closing' ? next.lines.length + CLOSING_SPACE_BEFORE : 0;
  const needed = line * (SIGNATURES_SPACE_BEFORE + signers * (1 + SIGNATURE_SPACE_AFTER) + closingLines);
  const bottom = pdf.page.height - pdf.page.margins.bottom;
  if (pdf.y + needed > bottom && pdf.page.margins.top + needed <= bottom) pdf.addPage();
}

/** The marker hangs to the left; wrapped lines of the text align with its first line. */
function drawItem(pdf: Pdf, marker: string, text: string): void {
  const left = pdf.page.margins.left;
  use(pdf, 'regular');
  const markerWidth = Math.max(pdf.widthOfString(marker) + 2, BODY_SIZE);
  const textWidth = lineWidth(pdf) - markerWidth;
  if (pdf.y + pdf.currentLineHeight(true) > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const top = pdf.y;
  pdf.text(marker, left, top, { width: markerWidth, lineBreak: false });
  pdf.text(text, left + markerWidth, top, { width: textWidth, lineGap: LINE_GAP });
  pdf.x = left;
}

function drawSignatureLine(pdf: Pdf, signer: string): void {
  const left = pdf.page.margins.left;
  const label = `${signer}：`;
  use(pdf, 'regular');
  if (pdf.y + 3 * BODY_SIZE > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const top = pdf.y;
  pdf.text(label, left, top, { width: lineWidth(pdf), lineGap: LINE_GAP });
  const labelEnd = left + Math.min(pdf.widthOfString(label), lineWidth(pdf) - 130);
  pdf.moveTo(labelEnd + 4, top + BODY_SIZE + 2).lineTo(labelEnd + 130, top + BODY_SIZE + 2).lineWidth(0.5).stroke();
  pdf.moveDown(SIGNATURE_SPACE_AFTER);
}

/** A ruled table; a row that does not fit starts a new page, and the header is drawn again there. */
function drawTable(pdf: Pdf, columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
  const share = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / share) * lineWidth(pdf));
  const header = columns.map((column) => column.header);
  const fits = (height: number) => pdf.y + height <= pdf.page.height - pdf.page.margins.bottom;
  pdf.moveDown(0.2);
  if (!fits(rowHeight(pdf, header, widths, true) + (rows[0] ? rowHeight(pdf, rows[0], widths) : 0))) pdf.addPage();
  drawRow(pdf, header, widths, columns, true);
  for (const row of rows) {
    if (!fits(rowHeight(pdf, row, widths))) {
      pdf.addPage();
      drawRow(pdf, header, widths, columns, true);
    }
    drawRow(pdf, row, widths, columns, false);
  }
  pdf.moveDown(0.4);
}

function rowHeight(pdf: Pdf, cells: readonly string[], widths: readonly number[], isHeader = false): number {
  use(pdf, isHeader ? 'bold' : 'regular');
  return Math.max(...widths.map((width, i) => pdf.heightOfString(cells[i] || ' ', { width: width - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
}

function drawRow(pdf: Pdf, cells: readonly string[], widths: readonly number[], columns: readonly TableColumn[], isHeader: boolean): void {
  const top = pdf.y;
  const height = rowHeight(pdf, cells, widths, isHeader);
  let x = pdf.page.margins.left;
  widths.forEach((width, i) => {
    pdf.lineWidth(0.5).rect(x, top, width, height).stroke();
    const align = isHeader ? 'center' : (columns[i]?.align ?? 'left');
    use(pdf, isHeader ? 'bold' : 'regular').text(cells[i] ?? '', x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING, align });
    x += width;
  });
  pdf.x = pdf.page.margins.left;
  pdf.y = top + height;
}
