/**
 * Bad uploads for the multipart endpoints (issue 19, point 6): each is a whole form made from the
 * valid one (a small JPEG in `files`, a kind, a note) by one change — a file whose content is not an
 * allowed type, a PNG named `.pdf` (accepted: the type comes from the content), a truncated image,
 * an empty file, one over the size limit, too many files, no file, an unknown kind or person, a
 * control character in the note, and a body that is not multipart at all.
 */
import type { FormPart, Mutation } from './fuzz-request.js';

/** An 8×8 JPEG: the smallest valid photo. */
export const SMALL_JPEG = Buffer.from(
  '/9j/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOAAXT/9k=',
  'base64',
);
const SMALL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAD0lEQVQImWP4jwMwDC0JALoev0GybL49AAAAAElFTkSuQmCC', 'base64');
/** ATTACHMENT_MAX_BYTES by default (20 MB), plus one byte. */
const OVER_THE_LIMIT = 20 * 1024 * 1024 + 1;
const MAX_FILES = 10;

const file = (fileName: string, bytes: Uint8Array): FormPart => ({ name: 'files', fileName, bytes });

/** The valid form: what every mutation starts from. */
export function validUploadForm(): FormPart[] {
  return [{ name: 'kind', value: 'other' }, { name: 'note', value: '模糊测试附件' }, file('照片.jpg', SMALL_JPEG)];
}

function form(change: { files?: FormPart[]; fields?: Record<string, string | null> }): FormPart[] {
  const fields = { kind: 'other', note: '模糊测试附件', ...(change.fields ?? {}) };
  const parts: FormPart[] = Object.entries(fields).flatMap(([name, value]) => (value === null ? [] : [{ name, value }]));
  return [...parts, ...(change.files ?? [file('照片.jpg', SMALL_JPEG)])];
}

/** Every candidate; the plan sends them all for each upload endpoint. */
export function uploadMutations(): Mutation[] {
  const upload = (kind: string, target: string, parts: FormPart[], mustRefuse: boolean, field?: string): Mutation => ({ kind: `upload.${kind}`, target, form: parts, body: '', mustRefuse, ...(field ? { field } : {}) });
  return [
    upload('valid-jpeg', 'files', form({}), false),
    upload('png-named-pdf', 'files.0', form({ files: [file('工资条.pdf', SMALL_PNG)] }), false),
    upload('text-named-jpg', 'files.0', form({ files: [file('photo.jpg', Buffer.from('not a picture, only words'))] }), true, 'files'),
    upload('executable', 'files.0', form({ files: [file('scan.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'))] }), true, 'files'),
    upload('truncated-jpeg', 'files.0', form({ files: [file('cut.jpg', SMALL_JPEG.subarray(0, 120))] }), true, 'files'),
    upload('truncated-pdf', 'files.0', form({ files: [file('cut.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'))] }), true, 'files'),
    upload('zero-bytes', 'files.0', form({ files: [file('empty.jpg', new Uint8Array(0))] }), true, 'files'),
    upload('oversized', 'files', form({ files: [file('big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(OVER_THE_LIMIT, 32)]))] }), true, 'files'),
    upload('too-many', 'files', form({ files: Array.from({ length: MAX_FILES + 1 }, (_, i) => file(`照片${i}.jpg`, SMALL_JPEG)) }), true, 'files'),
    upload('one-bad-of-many', 'files.1', form({ files: [file('good.jpg', SMALL_JPEG), file('bad.jpg', Buffer.from('words'))] }), true, 'files'),
    upload('no-files', 'files', form({ files: [] }), true, 'files'),
    upload('kind-missing', 'kind', form({ fields: { kind: null } }), true, 'kind'),
    upload('kind-unknown', 'kind', form({ fields: { kind: '__proto__' } }), true, 'kind'),
    upload('person-unknown', 'person', form({ fields: { person: 'claimant:00000000-0000-4000-8000-000000000000' } }), true, 'person'),
    upload('note-control', 'note', form({ fields: { note: '前\u0000后' } }), true, 'note'),
    upload('note-huge', 'note', form({ fields: { note: '长'.repeat(501) } }), true, 'note'),
    // JSON where a form belongs: refused as a whole.
    { kind: 'upload.not-multipart', target: '(body)', body: JSON.stringify({ kind: 'other' }), mustRefuse: true },
  ];
}
