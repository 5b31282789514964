import { fold } from '#decider';
import { attachmentDecider, purgeIsDue, type AttachmentContext } from './attachment.decide.js';
import type { AttachmentAddedData } from './attachment.events.js';

const now = new Date('2026-11-25T01:00:00Z');
const as = (userId: string, supervisesCase = false): AttachmentContext => ({ now, actor: { userId, role: supervisesCase ? 'supervisor' : 'caseworker', orgUnitId: '410105' }, supervisesCase });
const file = (attachmentId: string, size: number): AttachmentAddedData => ({
  attachmentId, kind: 'iou', note: null, fileName: 'a.jpg', mediaType: 'image/jpeg', size, sha256: 'x', person: null, contentId: attachmentId, keySubject: 's', preview: 'image', addedBy: 'u1',
});

describe('the attachments of a case', () => {
  const given = fold(attachmentDecider, [
    { type: 'WageCaseOpened', data: {} },
    { type: 'AttachmentAdded', data: file('a1', 400) },
    { type: 'ClaimantsAdded', data: {} },
  ] as never);

  it('ignore the case’s own events and count the bytes kept', () => {
    expect(Object.keys(given.attachments)).toEqual(['a1']);
    expect(given.keptBytes).toBe(400);
  });

  it('refuse files that would take the case past its limit', () => {
    expect(() => attachmentDecider.decide({ type: 'AddAttachments', data: { attachments: [file('a2', 700)], maxCaseBytes: 1000 } }, given, as('u1'))).toThrow(expect.objectContaining({ code: 'case_attachments_full' }));
    expect(attachmentDecider.decide({ type: 'AddAttachments', data: { attachments: [file('a2', 600)], maxCaseBytes: 1000 } }, given, as('u1'))).toHaveLength(1);
  });

  it('may be withdrawn by the one who added them or a supervisor, once', () => {
    const withdraw = { type: 'WithdrawAttachment' as const, data: { attachmentId: 'a1', reason: '拍错了' } };
    expect(() => attachmentDecider.decide(withdraw, given, as('u2'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(attachmentDecider.decide(withdraw, given, as('u2', true))).toEqual([{ type: 'AttachmentWithdrawn', data: withdraw.data }]);
    const after = attachmentDecider.evolve(given, { type: 'AttachmentWithdrawn', data: withdraw.data });
    expect(after.keptBytes).toBe(0);
    expect(() => attachmentDecider.decide(withdraw, after, as('u1'))).toThrow(expect.objectContaining({ code: 'attachment_already_withdrawn' }));
  });

  it('remove the bytes of a withdrawn file once, and never of a file still in use', () => {
    const purge = { type: 'PurgeAttachment' as const, data: { attachmentId: 'a1', retentionDays: 30 } };
    expect(() => attachmentDecider.decide(purge, given, as('system'))).toThrow(expect.objectContaining({ code: 'attachment_not_withdrawn' }));
    const withdrawn = attachmentDecider.evolve(given, { type: 'AttachmentWithdrawn', data: { attachmentId: 'a1', reason: '拍错了' } });
    const events = attachmentDecider.decide(purge, withdrawn, as('system'));
    expect(events).toEqual([{ type: 'AttachmentPurged', data: { attachmentId: 'a1', contentId: 'a1', retentionDays: 30 } }]);
    expect(attachmentDecider.decide(purge, attachmentDecider.evolve(withdrawn, events[0]), as('system'))).toEqual([]);
  });

  it('are due for removal when the whole retention period has passed since the withdrawal', () => {
    const withdrawnAt = new Date('2026-11-01T00:00:00Z');
    expect(purgeIsDue(withdrawnAt, 30, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(purgeIsDue(withdrawnAt, 30, new Date('2026-12-01T00:00:00Z'))).toBe(true);
  });
});

