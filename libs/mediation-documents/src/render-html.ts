import type { DocumentBlock, DocumentDescription, TableColumn } from './document-blocks.js';
import { escapeHtml } from './escape-html.js';

/** The printing rules of a court document: A4, a serif Chinese face, 3.7 cm at the top as official documents have. */
const PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f3f3; color: #000; font-family: "SimSun", "Songti SC", "STSong", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.8; }
.page { width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4mm rgba(0, 0, 0, 0.15); }
.letterhead { text-align: center; font-size: 14pt; margin: 0; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 4mm 0 2mm; }
.reference { text-align: right; margin: 0 0 6mm; }
h2 { font-size: 12pt; font-weight: bold; margin: 5mm 0 1mm; }
p { margin: 0; }
p.indent { text-indent: 2em; }
.item { display: flex; gap: 0.25em; }
.item .marker { flex: none; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
th, td { border: 0.5pt solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.right { text-align: right; }
.signatures { margin-top: 10mm; }
.signature { margin: 6mm 0 0; }
.signature .blank { display: inline-block; width: 45mm; border-bottom: 0.5pt solid #000; margin-left: 2mm; }
.closing { margin-top: 10mm; text-align: right; }
.actions { text-align: center; margin: 6mm 0; }
.actions button { font: inherit; padding: 2mm 8mm; cursor: pointer; }
@media print {
  body { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .no-print { display: none !important; }
  tr, .item, .signature { page-break-inside: avoid; }
}
`;

/** A complete printable page; every piece of text in the description is escaped. */
export function renderHtml(document: DocumentDescription): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="actions no-print"><button type="button" onclick="window.print()">打印</button></div>',
    '<main class="page">',
    ...document.blocks.map(blockHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(block: DocumentBlock): string {
  switch (block.kind) {
    case 'letterhead':
      return `<p class="letterhead">${escapeHtml(block.text)}</p>`;
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'reference':
      return `<p class="reference">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p${block.indent ? ' class="indent"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'item':
      return `<p class="item"><span class="marker">${escapeHtml(block.marker)}</span><span>${escapeHtml(block.text)}</span></p>`;
    case 'table':
      return tableHtml(block.columns, block.rows);
    case 'signatures':
      return `<div class="signatures">${block.signers.map((signer) => `<p class="signature">${escapeHtml(signer)}：<span class="blank"></span></p>`).join('')}</div>`;
    case 'closing':
      return `<div class="closing">${block.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
  }
}

function tableHtml(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const colgroup = columns.map((column) => `<col style="width:${((column.width / total) * 100).toFixed(1)}%">`).join('');
  const head = columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column, i) => `<td${column.align === 'right' ? ' class="right"' : ''}>${escapeHtml(row[i] ?? '')}</td>`).join('')}</tr>`).join('\n');
  return `<table><colgroup>${colgroup}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
