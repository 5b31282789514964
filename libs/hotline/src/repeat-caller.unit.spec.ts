import { findRepeatCall, normaliseEmployerName, type RepeatCandidate } from './repeat-caller.js';

const call = { complaintId: 'c-new', receivedAt: new Date('2026-03-31T02:00:00Z'), employerName: '郑州 某某建筑（集团）有限公司', callerPhoneHash: 'hash-a' };
const candidate = (overrides: Partial<RepeatCandidate>): RepeatCandidate => ({
  complaintId: 'c-old',
  receivedAt: new Date('2026-03-10T02:00:00Z'),
  employerName: '另一家公司',
  standing: 'open',
  ...overrides,
});

describe('finding repeat calls (重复来电)', () => {
  it('a call about the same employer within 30 days is a repeat, the names compared normalised', () => {
    expect(findRepeatCall(call, [candidate({ employerName: '郑州某某建筑(集团)有限公司' })], 30)).toEqual({
      isRepeat: true,
      repeatOf: 'c-old',
      matchedOn: ['same_employer'],
      alsoMatches: [],
    });
  });

  it('a call from the same phone within 30 days is a repeat, whatever the employer', () => {
    expect(findRepeatCall(call, [candidate({ callerPhoneHash: 'hash-a' })], 30)).toMatchObject({ isRepeat: true, matchedOn: ['same_phone'] });
  });

  it('names both matches when employer and phone agree', () => {
    const both = candidate({ employerName: '郑州某某建筑（集团）有限公司', callerPhoneHash: 'hash-a' });
    expect(findRepeatCall(call, [both], 30)).toMatchObject({ matchedOn: ['same_employer', 'same_phone'] });
  });

  it('a call more than 30 days after the earlier one is not a repeat', () => {
    const old = candidate({ callerPhoneHash: 'hash-a', receivedAt: new Date('2026-03-01T01:59:59Z') });
    expect(findRepeatCall(call, [old], 30)).toEqual({ isRepeat: false });
    expect(findRepeatCall(call, [{ ...old, receivedAt: new Date('2026-03-01T02:00:00Z') }], 30)).toMatchObject({ isRepeat: true });
  });

  it('different employers and phones, a later complaint, or the call itself are not repeats', () => {
    const later = candidate({ callerPhoneHash: 'hash-a', receivedAt: new Date('2026-04-01T00:00:00Z') });
    const itself = candidate({ complaintId: 'c-new', callerPhoneHash: 'hash-a' });
    expect(findRepeatCall(call, [candidate({ callerPhoneHash: 'hash-b' }), later, itself], 30)).toEqual({ isRepeat: false });
  });

  it('a call without a phone matches only on the employer', () => {
    const noPhone = { ...call, callerPhoneHash: undefined };
    expect(findRepeatCall(noPhone, [candidate({ callerPhoneHash: undefined })], 30)).toEqual({ isRepeat: false });
  });

  it('picks the earliest open order so repeats gather on the original, and lists the others', () => {
    const candidates = [
      candidate({ complaintId: 'c-2', callerPhoneHash: 'hash-a', receivedAt: new Date('2026-03-20T00:00:00Z') }),
      candidate({ complaintId: 'c-closed', callerPhoneHash: 'hash-a', receivedAt: new Date('2026-03-05T00:00:00Z'), standing: 'closed' }),
      candidate({ complaintId: 'c-1', callerPhoneHash: 'hash-a', receivedAt: new Date('2026-03-12T00:00:00Z') }),
    ];
    expect(findRepeatCall(call, candidates, 30)).toEqual({ isRepeat: true, repeatOf: 'c-1', matchedOn: ['same_phone'], alsoMatches: ['c-closed', 'c-2'] });
  });

  it('with only closed matches, the most recent closed order is named', () => {
    const candidates = [
      candidate({ complaintId: 'c-a', callerPhoneHash: 'hash-a', standing: 'closed', receivedAt: new Date('2026-03-05T00:00:00Z') }),
      candidate({ complaintId: 'c-b', callerPhoneHash: 'hash-a', standing: 'closed', receivedAt: new Date('2026-03-15T00:00:00Z') }),
    ];
    expect(findRepeatCall(call, candidates, 30)).toMatchObject({ repeatOf: 'c-b', alsoMatches: ['c-a'] });
  });

  it('a merged order is never a target', () => {
    expect(findRepeatCall(call, [candidate({ callerPhoneHash: 'hash-a', standing: 'merged' })], 30)).toEqual({ isRepeat: false });
  });

  it('normalises employer names: full-width characters, spaces, punctuation and letter case', () => {
    expect(normaliseEmployerName(' 郑州ＡＢＣ 物流（中原）有限公司。')).toBe('郑州abc物流中原有限公司');
  });
});

describe('repeat callers by ID number', () => {
  it('a call from the same ID number within 30 days is a repeat, whatever the phone and employer', () => {
    const byId = { ...call, callerPhoneHash: 'hash-new-phone', callerIdHash: 'id-hash-1' };
    expect(findRepeatCall(byId, [candidate({ callerIdHash: 'id-hash-1' })], 30)).toMatchObject({ isRepeat: true, matchedOn: ['same_id_number'] });
    expect(findRepeatCall(byId, [candidate({ callerIdHash: 'id-hash-2' })], 30)).toEqual({ isRepeat: false });
  });

  it('a call with no employer never matches another call with no employer', () => {
    const noEmployer = { ...call, employerName: '', callerPhoneHash: undefined };
    expect(findRepeatCall(noEmployer, [candidate({ employerName: '' })], 30)).toEqual({ isRepeat: false });
  });
});
