import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { FieldViolation } from '#errors';
import { sizeInWords, type AttachmentLimits } from './attachment-limits.js';

/** A file as it arrived: the name the sender gave and its bytes. */
export interface IncomingFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export type PreviewKind = 'image' | 'pdf' | null;

/** A file accepted for storing: its type found from the content, the bytes to keep (images re-encoded). */
export interface AcceptedFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly size: number;
  readonly sha256: string;
  readonly preview: PreviewKind;
}

const IMAGES_RE_ENCODED = new Set(['image/jpeg', 'image/png', 'image/webp']);
const HEIF = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);
const OFFICE = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
]);
/** The old Office formats are compound files; the detector names only the container, the name says which. */
const COMPOUND_FILE = 'application/x-cfb';
const COMPOUND_BY_EXTENSION: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel' };

const ALLOWED_IN_WORDS = 'JPEG、PNG、HEIC/HEIF、WebP 图片，PDF，或 Word/Excel 文档（DOC、DOCX、XLS、XLSX）';

/**
 * Checks one file and makes it ready to store: the type is decided from the content (never the name),
 * images lose their EXIF (GPS location included) by being re-encoded upright. Returns the file or the
 * rule it breaks, naming the file.
 */
export async function inspectFile(file: IncomingFile, index: number, limits: Pick<AttachmentLimits, 'maxFileBytes'>): Promise<AcceptedFile | FieldViolation> {
  const field = `files.${index}`;
  const name = `“${file.fileName}”`;
  if (file.bytes.length === 0) return { field, rule: 'file_empty', message: `文件${name}是空文件（0 字节），请重新选择` };
  if (file.bytes.length > limits.maxFileBytes) return { field, rule: 'file_too_large', message: `文件${name}超过单个文件 ${sizeInWords(limits.maxFileBytes)} 的上限` };
  const mediaType = await detectedType(file);
  const refusedType = { field, rule: 'file_type_not_allowed', message: `文件${name}的类型不允许上传（按内容识别），只接受${ALLOWED_IN_WORDS}` };
  if (!mediaType) return refusedType;
  const truncated = { field, rule: 'file_truncated', message: `文件${name}已损坏或不完整，无法读取，请重新扫描或拍摄后上传` };
  if (IMAGES_RE_ENCODED.has(mediaType)) {
    const bytes = await reEncoded(file.bytes, mediaType);
    return bytes ? accepted(file.fileName, mediaType, bytes, 'image') : truncated;
  }
  if (mediaType === 'application/pdf') return isWholePdf(file.bytes) ? accepted(file.fileName, mediaType, file.bytes, 'pdf') : truncated;
  // HEIC/HEIF: the prebuilt image library cannot decode HEVC, so the photo is kept as sent, without a preview (ADR 0016).
  if (HEIF.has(mediaType) || OFFICE.has(mediaType)) return accepted(file.fileName, mediaType, file.bytes, null);
  return refusedType;
}

async function detectedType(file: IncomingFile): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(file.bytes);
  if (!found) return undefined;
  if (found.mime === COMPOUND_FILE) return COMPOUND_BY_EXTENSION[extensionOf(file.fileName)];
  return found.mime;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Upright, without any metadata (sharp keeps none unless asked); `null` when the image does not decode. */
async function reEncoded(bytes: Buffer, mediaType: string): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: 'error' }).rotate();
    if (mediaType === 'image/jpeg') return await image.jpeg({ quality: 90, mozjpeg: false }).toBuffer();
    if (mediaType === 'image/png') return await image.png().toBuffer();
    return await image.webp({ quality: 90 }).toBuffer();
  } catch {
    return null;
  }
}

/** A PDF whose end is missing (a cut-off upload or scan) has no `%%EOF` near its end. */
function isWholePdf(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  return tail.includes('%%EOF') && tail.includes('startxref');
}

function accepted(fileName: string, mediaType: string, bytes: Buffer, preview: PreviewKind): AcceptedFile {
  return { fileName, mediaType, bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), preview };
}

export function isAccepted(result: AcceptedFile | FieldViolation): result is AcceptedFile {
  return 'sha256' in result;
}

/** The preview of a stored image: a JPEG at most 1600 px on its long side, made in memory (never cached). */
export function imagePreview(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).rotate().resize(1600, 1600, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
}
