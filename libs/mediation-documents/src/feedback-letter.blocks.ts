import { RuleBrokenError } from '#errors';
import { shanghaiDateOf } from '#calendar';
import { MEDIATION_STATUS_LABELS, SESSION_MODES, type MediationCaseState } from '#mediation';
import { applicantNames, caseNumberOf, causeOf, claimsTable, courtOf, disputeOf, letterhead, partyBlocks, referralKindOf } from './case-blocks.js';
import { numberedList, type DocumentBlock, type DocumentDescription } from './document-blocks.js';
import { chineseDate, paragraphsOf } from './document-text.js';
import type { FailureFindings, MediationDocumentInput } from './mediation-document-input.js';

export const FEEDBACK_LETTER_TITLE = '调解不成反馈函';

/**
 * 调解不成反馈函 to the court: the case, the parties, how the mediation went, the undisputed facts
 * and the points in dispute. Refused (`not_failed`) unless mediation failed.
 */
export function feedbackLetterDocument(input: MediationDocumentInput): DocumentDescription {
  const { state, failure } = input;
  if (state.status !== 'failed' || !state.ended) {
    throw new RuleBrokenError('not_failed', `只有调解不成的案件可以出具调解不成反馈函（当前状态：${MEDIATION_STATUS_LABELS[state.status]}）`);
  }
  if (!failure) {
    throw new RuleBrokenError('failure_findings_required', '出具调解不成反馈函须提供调解不成时记录的无争议事实和争议焦点');
  }
  const mediatorName = state.mediator?.mediatorName ?? '';
  return {
    title: `${FEEDBACK_LETTER_TITLE} ${caseNumberOf(state)}`,
    blocks: [
      letterhead(input),
      { kind: 'title', text: FEEDBACK_LETTER_TITLE },
      { kind: 'reference', text: caseNumberOf(state) },
      { kind: 'paragraph', text: `${courtOf(input) ?? '案件转来单位'}：` },
      { kind: 'paragraph', indent: true, text: opening(state, mediatorName, heldSessions(state).length) },
      { kind: 'heading', text: '一、当事人' },
      ...partyBlocks(input),
      { kind: 'paragraph', text: `案由：${causeOf(state)}` },
      { kind: 'heading', text: '二、调解经过' },
      ...mediationPeriod(state, mediatorName, failure),
      { kind: 'heading', text: '三、申请人的请求' },
      claimsTable(state),
      { kind: 'heading', text: '四、无争议事实' },
      ...numberedList(failure.undisputedFacts),
      { kind: 'heading', text: '五、争议焦点' },
      ...numberedList(failure.disputedPoints),
      ...note(failure),
      { kind: 'paragraph', indent: true, text: '特此函告。' },
      { kind: 'signatures', signers: [`调解员 ${mediatorName}（签名）`] },
      { kind: 'closing', lines: [input.roomName, '（工作室印章）', chineseDate(input.printedOn)] },
    ],
  };
}

function opening(state: MediationCaseState, mediatorName: string, sessionsHeld: number): string {
  const respondent = state.respondent?.name ?? '';
  const referred = state.source?.kind === 'court' ? `你院于${chineseDate(state.referredOn!)}${referralKindOf(state)}本工作室调解的` : `${referralKindOf(state)}的`;
  const how = sessionsHeld > 0 ? `主持调解，双方当事人未能达成调解协议` : '，未能组织调解';
  return `${referred}申请人${applicantNames(state)}与被申请人${respondent}${disputeOf(state)}一案，本工作室受理后指派调解员${mediatorName}${how}，`
    + `本工作室于${chineseDate(state.ended!.on)}终结调解。现将有关情况函告如下：`;
}

/** The sessions that took place, in order. */
function heldSessions(state: MediationCaseState) {
  return Object.values(state.sessions).filter((session) => session.status === 'held').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * 调解经过: the period, the mediator, then each session held — its day, how, and who attended, named
 * one by one — or, when none was, why (一方拒绝调解…). Cases failed before the reason was asked for
 * still read `组织调解次数：0 次`.
 */
function mediationPeriod(state: MediationCaseState, mediatorName: string, failure: FailureFindings): DocumentBlock[] {
  const sessions = heldSessions(state);
  const held: DocumentBlock[] = sessions.length === 0 && failure.noSessionReason
    ? [{ kind: 'paragraph', text: `未能组织调解的原因：${failure.noSessionReason}` }]
    : [
      { kind: 'paragraph', text: `组织调解次数：${sessions.length} 次` },
      ...sessions.map((session, index): DocumentBlock => ({
        kind: 'item',
        marker: `（${index + 1}）`,
        text: `${chineseDate(shanghaiDateOf(new Date(session.startsAt)))}，${SESSION_MODES[session.mode]}，参加人员：${session.attendees.join('、')}`,
      })),
    ];
  return [
    { kind: 'paragraph', text: `受理日期：${state.acceptedOn ? chineseDate(state.acceptedOn) : ''}` },
    { kind: 'paragraph', text: `调解期限：${state.deadline ? `${chineseDate(state.deadline)}届满` : ''}${state.extensionDays > 0 ? `（经双方同意延长 ${state.extensionDays} 日）` : ''}` },
    { kind: 'paragraph', text: `调解员：${mediatorName}` },
    ...held,
    { kind: 'paragraph', text: `调解终结日期：${chineseDate(state.ended!.on)}` },
  ];
}

function note(failure: FailureFindings): DocumentBlock[] {
  const paragraphs = paragraphsOf(failure.note ?? '');
  return paragraphs.length > 0 ? [{ kind: 'heading', text: '六、其他说明' }, ...paragraphs.map((text): DocumentBlock => ({ kind: 'paragraph', text, indent: true }))] : [];
}
