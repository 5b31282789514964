/** A claimant list chosen from disk, as the import wants it: an .xlsx in base64, or CSV/text. */
export type ListFormat = 'csv' | 'xlsx';

export class UnreadableListFile extends Error {}

/** Chunks keep `String.fromCharCode` within the argument limit of large workbooks. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** UTF-8 first; a CSV saved by Excel on a Chinese Windows is GBK. */
function decodeText(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gbk').decode(buffer);
  }
}

export async function readListFile(file: File): Promise<{ format: ListFormat; content: string }> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return { format: 'xlsx', content: base64Of(new Uint8Array(await file.arrayBuffer())) };
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return { format: 'csv', content: decodeText(await file.arrayBuffer()) };
  throw new UnreadableListFile(file.name);
}
