import { describe, expect, it } from '@jest/globals';
import type { Attachment } from '../../api-types';
import { attachmentPath, countsByPerson, fileErrorsByIndex, formatSize, mayWithdraw } from './attachment-files.js';

function attachment(overrides: Partial<Attachment>): Attachment {
  return {
    id: 'a-1', caseId: 'c-1', kind: 'attendance_card', kindLabel: '考勤卡', note: null, fileName: 'card.jpg', mediaType: 'image/jpeg',
    size: 1000, sha256: 'x', person: null, addedAt: '2026-03-01T02:00:00Z', addedBy: { userId: 'u-1', name: '周敏', unitName: '金水区总工会' },
    withdrawn: null, erased: false, preview: 'image', ...overrides,
  };
}

describe('the evidence panel reading attachments', () => {
  it('shows sizes in bytes, whole kilobytes and megabytes with one decimal below ten', () => {
    expect(formatSize(850)).toBe('850 B');
    expect(formatSize(12 * 1024 + 300)).toBe('12 KB');
    expect(formatSize(3.44 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('puts each refusal beside the file it names and leaves out errors about the request as a whole', () => {
    const byIndex = fileErrorsByIndex([
      { field: 'files.1', rule: 'file_type_not_allowed', message: '文件“a.jpg”的类型不允许' },
      { field: 'kind', rule: 'attachment_kind_unknown', message: '证据类型不存在' },
      { field: 'files.1', rule: 'file_too_large', message: '第二条' },
    ]);
    expect([...byIndex]).toEqual([[1, '文件“a.jpg”的类型不允许']]);
    expect(fileErrorsByIndex(undefined).size).toBe(0);
  });

  it('counts the files of each person, leaving out withdrawn ones and those about nobody', () => {
    const counts = countsByPerson([
      attachment({ id: '1', person: { ref: 'claimant:a', label: '赵*' } }),
      attachment({ id: '2', person: { ref: 'claimant:a', label: '赵*' } }),
      attachment({ id: '3', person: { ref: 'claimant:a', label: '赵*' }, withdrawn: { at: '2026-03-02T00:00:00Z', byName: '周敏', reason: '重复' } }),
      attachment({ id: '4', person: { ref: 'claimant:b', label: '钱*' } }),
      attachment({ id: '5' }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'claimant:a': 2, 'claimant:b': 1 });
  });

  it('offers withdrawal to whoever added the file and to supervisors, never twice', () => {
    const mine = attachment({});
    expect(mayWithdraw(mine, { id: 'u-1', role: 'caseworker' })).toBe(true);
    expect(mayWithdraw(mine, { id: 'u-2', role: 'caseworker' })).toBe(false);
    expect(mayWithdraw(mine, { id: 'u-2', role: 'supervisor' })).toBe(true);
    expect(mayWithdraw(attachment({ withdrawn: { at: '2026-03-02T00:00:00Z', byName: '周敏', reason: '重复' } }), { id: 'u-1', role: 'caseworker' })).toBe(false);
  });

  it('builds the paths of a file with its ids encoded', () => {
    expect(attachmentPath('wage-cases', 'c 1', 'a/1', 'preview')).toBe('/api/wage-cases/c%201/attachments/a%2F1/preview');
  });
});
