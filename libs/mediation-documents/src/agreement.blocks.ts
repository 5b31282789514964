import { RuleBrokenError } from '#errors';
import { MEDIATION_STATUS_LABELS, type AgreementRecord, type MediationCaseState } from '#mediation';
import { caseNumberOf, causeOf, claimsTable, labelledParagraphs, letterhead, partyBlocks, payeeOf } from './case-blocks.js';
import { numberedClauses, type DocumentBlock, type DocumentDescription } from './document-blocks.js';
import { amountInFiguresAndCapitals, chineseDate, yuanText } from './document-text.js';
import type { MediationDocumentInput } from './mediation-document-input.js';
import { termsAsClauses } from './typed-numbers.js';

export const AGREEMENT_TITLE = '调解协议书';

/** 调解协议书: everything from the case; refused (`no_agreement`) for a case without an agreement. */
export function agreementDocument(input: MediationDocumentInput): DocumentDescription {
  const { state } = input;
  const agreement = state.agreement;
  if (!agreement) {
    throw new RuleBrokenError('no_agreement', `只有达成调解协议的案件可以出具调解协议书（当前状态：${MEDIATION_STATUS_LABELS[state.status]}）`);
  }
  return {
    title: `${AGREEMENT_TITLE} ${caseNumberOf(state)}`,
    blocks: [
      letterhead(input),
      { kind: 'title', text: AGREEMENT_TITLE },
      { kind: 'reference', text: caseNumberOf(state) },
      { kind: 'heading', text: '当事人' },
      ...partyBlocks(input),
      { kind: 'paragraph', text: `调解员：${state.mediator?.mediatorName ?? ''}` },
      { kind: 'heading', text: '案由及纠纷事实' },
      { kind: 'paragraph', text: `案由：${causeOf(state)}` },
      ...labelledParagraphs('纠纷事实', state.summary ?? ''),
      { kind: 'paragraph', text: '申请人的请求：' },
      claimsTable(state),
      { kind: 'heading', text: '协议内容' },
      { kind: 'paragraph', text: '经本工作室主持调解，双方当事人自愿达成如下协议：', indent: true },
      ...clauses(state, agreement),
      { kind: 'heading', text: '司法确认' },
      { kind: 'paragraph', indent: true, text: confirmationNotice(agreement) },
      { kind: 'signatures', signers: signers(state) },
      { kind: 'closing', lines: [input.roomName, '（工作室印章）', chineseDate(agreement.agreedOn)] },
    ],
  };
}

/** 协议内容, numbered 一、二、…: what is paid, when and to whom, the terms as agreed (numbered here, not as typed), when it takes effect. */
function clauses(state: MediationCaseState, agreement: AgreementRecord): DocumentBlock[] {
  const installments = Object.values(state.installments).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return numberedClauses([
    {
      text: `被申请人向申请人支付下列款项，合计人民币 ${amountInFiguresAndCapitals(agreement.agreedTotal)}：`,
      followedBy: [{
        kind: 'table',
        columns: [{ header: '申请人', width: 3 }, { header: '项目', width: 4 }, { header: '金额', width: 3, align: 'right' }],
        rows: [...agreement.items.map((item) => [payeeOf(state, item.partyId), item.item, yuanText(item.amount)]), ['合计', '', yuanText(agreement.agreedTotal)]],
      }],
    },
    {
      text: `被申请人按下列期限分 ${installments.length} 期支付上述款项：`,
      followedBy: installments.map((installment, index) => ({
        kind: 'item',
        marker: `（${index + 1}）`,
        text: `${chineseDate(installment.dueOn)}前支付 ${amountInFiguresAndCapitals(installment.amount)}，收款人：${payeeOf(state, installment.partyId)}；`,
      })),
    },
    ...termsAsClauses(agreement.terms).map((term) => ({ text: term.text, followedBy: term.more.map((text): DocumentBlock => ({ kind: 'paragraph', text, indent: true })) })),
    { text: `本协议于${chineseDate(agreement.agreedOn)}达成，自${chineseDate(agreement.effectiveOn)}起生效，双方当事人应当按照约定自觉履行。` },
  ]);
}

function confirmationNotice(agreement: AgreementRecord): string {
  return `当事人可自本协议生效之日起三十日内（即${chineseDate(agreement.confirmationWindowEndsOn)}前）共同向人民法院申请司法确认。`
    + '经人民法院裁定确认有效的，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。';
}

function signers(state: MediationCaseState): string[] {
  return [
    ...state.applicants.map((a) => `申请人 ${a.name}（签名）`),
    `被申请人 ${state.respondent?.name ?? ''}（盖章）`,
    '法定代表人或委托代理人（签名）',
    `调解员 ${state.mediator?.mediatorName ?? ''}（签名）`,
  ];
}
