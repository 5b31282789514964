import { CaseworkError, RuleBrokenError } from '#errors';
import type { MediationCaseState } from '#mediation';
import { agreementHtml, feedbackLetterHtml } from './mediation-documents.js';
import { failureFindingsOf, type MediationDocumentInput } from './mediation-document-input.js';
import {
  agreedCase, CASE_NUMBER, COURT, courtReferral, DISPUTED_POINTS, failedCase, failedWithoutSession, FULL_ID_NUMBER, mediatingCase, ROOM, UNDISPUTED_FACTS, type DecidedCase,
} from './testing/mediation-cases.js';

const PRINTED_ON = '2026-11-21';

function input(decided: DecidedCase, extra: Partial<MediationDocumentInput> = {}): MediationDocumentInput {
  return { state: decided.state, roomName: ROOM, printedOn: PRINTED_ON, ...(failureFindingsOf(decided.events) ? { failure: failureFindingsOf(decided.events)! } : {}), ...extra };
}

/** The page's visible text, one space between elements, so a phrase can be found whatever markup surrounds it. */
function textOf(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

function refusal(make: () => unknown): CaseworkError {
  try {
    make();
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('调解协议书 as a printable page', () => {
  const html = agreementHtml(input(agreedCase()));
  const text = textOf(html);

  it('is a complete A4 page in a Chinese serif face, with a print button hidden in print', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(html).toContain('font-family: "SimSun", "Songti SC"');
    expect(html).toContain('onclick="window.print()"');
    expect(html).toMatch(/@media print \{[\s\S]*\.no-print \{ display: none !important; \}/);
  });

  it('heads the document with the court, the room, the title and the case number', () => {
    expect(text).toContain(`${COURT} · ${ROOM} 调解协议书 ${CASE_NUMBER}`);
  });

  it('names the parties, showing the applicant\'s ID number and the addresses masked and never in full', () => {
    expect(text).toContain('申请人：王某，公民身份号码：410105********0017，住址：郑州市金水区****');
    expect(text).toContain('申请人：李某 ');
    expect(html).not.toContain(FULL_ID_NUMBER);
    expect(html).not.toContain('某路 1 号');
    expect(text).toContain('被申请人：郑州某餐饮管理有限公司，统一社会信用代码：91410105MA40ABCD1X，住所地：郑州市金水区****');
    expect(text).toContain('法定代表人：赵某');
    expect(text).toContain('调解员：赵雅琴');
  });

  it('states the dispute and the claims', () => {
    expect(text).toContain('案由：劳动报酬争议 ');
    expect(text).toContain('纠纷事实：两名厨师于 2026 年 2 月离职');
    expect(text).toContain('王某 经济补偿金 3,000.00 元');
    expect(text).toContain('合计 20,000.00 元');
  });

  it('numbers the clauses: the items and their total in figures and capitals, each installment, then the terms as typed', () => {
    expect(text).toContain('一、 被申请人向申请人支付下列款项，合计人民币 15,000.00 元（大写：壹万伍仟元整）：');
    expect(text).toContain('王某 工资 10,000.00 元 李某 工资 5,000.00 元 合计 15,000.00 元');
    expect(text).toContain('二、 被申请人按下列期限分 2 期支付上述款项：');
    expect(text).toContain('（1） 2026年4月30日前支付 9,000.00 元（大写：玖仟元整），收款人：王某；');
    expect(text).toContain('（2） 2026年5月31日前支付 6,000.00 元（大写：陆仟元整），收款人：全体申请人（王某、李某）；');
    expect(text).toContain('三、 双方就本案再无其他争议。 申请人放弃其他请求。');
    expect(text).toContain('四、 本协议于2026年4月20日达成，自2026年4月20日起生效');
  });

  it('tells the parties they may apply for judicial confirmation until the window closes', () => {
    expect(text).toContain('当事人可自本协议生效之日起三十日内（即2026年5月20日前）共同向人民法院申请司法确认');
  });

  it('ends with a line to sign for each party and the mediator, the room, its seal and the date of the agreement', () => {
    for (const signer of ['申请人 王某（签名）：', '申请人 李某（签名）：', '被申请人 郑州某餐饮管理有限公司（盖章）：', '调解员 赵雅琴（签名）：']) expect(text).toContain(signer);
    expect(text).toContain(`${ROOM} （工作室印章） 2026年4月20日`);
  });

  it('escapes whatever users typed, so a script in the terms is shown, not run', () => {
    const hostile = agreementHtml(input(agreedCase({ terms: '<script>alert("x")</script> & 其他 \'条款\'' })));
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他 &#39;条款&#39;');
  });

  it('names the union case for a case the union referred, and the partner court the caller gives', () => {
    const union = textOf(agreementHtml(input(agreedCase({
      referral: courtReferral({ source: { kind: 'wage_case', caseId: 'W-2026-0042' } }),
      schedule: [{ installmentId: 'i-1', dueOn: '2026-04-30', amount: 1_000_000, partyId: 'p-1' }, { installmentId: 'i-2', dueOn: '2026-04-30', amount: 500_000, partyId: 'p-2' }],
    }), { courtName: COURT })));
    expect(union).toContain(`${COURT} · ${ROOM} 调解协议书 欠薪案件转来 W-2026-0042`);
    expect(union).toContain('案由：劳动报酬争议 ');
  });

  it('prints the full ID numbers and addresses the court needs when printed with full identity', () => {
    const full = textOf(agreementHtml(input(agreedCase(), { identity: 'full' })));
    expect(full).toContain(`申请人：王某，公民身份号码：${FULL_ID_NUMBER}，住址：郑州市金水区某路 1 号`);
    expect(full).toContain('住所地：郑州市金水区花园路 8 号');
  });

  it('masks an ID number the caller left unmasked, and keeps one already masked as it is', () => {
    const decided = agreedCase();
    const masked: MediationCaseState = { ...decided.state, applicants: decided.state.applicants.map((a) => (a.idNumber ? { ...a, idNumber: '410105********0017' } : a)) };
    expect(textOf(agreementHtml({ ...input(decided), state: masked }))).toContain('公民身份号码：410105********0017');
  });

  it('is refused for a case without an agreement', () => {
    for (const decided of [mediatingCase(), failedCase()]) {
      const error = refusal(() => agreementHtml(input(decided)));
      expect(error).toBeInstanceOf(RuleBrokenError);
      expect(error.code).toBe('no_agreement');
    }
    expect(refusal(() => agreementHtml(input(mediatingCase()))).message).toBe('只有达成调解协议的案件可以出具调解协议书（当前状态：调解中）');
  });
});

describe('调解不成反馈函 as a printable page', () => {
  const failed = failedCase();
  const text = textOf(feedbackLetterHtml(input(failed)));

  it('is addressed to the referring court under the case number', () => {
    expect(text).toContain(`${COURT} · ${ROOM} 调解不成反馈函 ${CASE_NUMBER} ${COURT}：`);
    expect(text).toContain('你院于2026年4月1日委派调解（诉前）本工作室调解的申请人王某、李某与被申请人郑州某餐饮管理有限公司劳动报酬争议一案');
  });

  it('names the parties with masked ID numbers', () => {
    expect(text).toContain('申请人：王某，公民身份号码：410105********0017');
    expect(text).not.toContain(FULL_ID_NUMBER);
    expect(text).toContain('被申请人：郑州某餐饮管理有限公司');
  });

  it('gives the mediation period: accepted on, mediator, sessions held, ended on', () => {
    expect(text).toContain('受理日期：2026年4月2日');
    expect(text).toContain('调解期限：2026年5月2日届满');
    expect(text).toContain('组织调解次数：1 次');
    expect(text).toContain('调解终结日期：2026年4月28日');
  });

  it('lists the claims with amounts, then each undisputed fact and each point in dispute, numbered', () => {
    expect(text).toContain('王某 工资 12,000.00 元 王某 经济补偿金 3,000.00 元 李某 工资 5,000.00 元 合计 20,000.00 元');
    expect(text).toContain(`四、无争议事实 1. ${UNDISPUTED_FACTS[0]} 2. ${UNDISPUTED_FACTS[1]} 五、争议焦点 1. ${DISPUTED_POINTS[0]} 2. ${DISPUTED_POINTS[1]}`);
    expect(text).toContain('六、其他说明 被申请人同意先行支付无争议部分 特此函告。');
  });

  it('ends with the mediator, the room, its seal and the date printed', () => {
    expect(text).toContain(`调解员 赵雅琴（签名）： ${ROOM} （工作室印章） 2026年11月21日`);
  });

  it('is refused unless mediation failed, and without the findings of the failure', () => {
    for (const decided of [mediatingCase(), agreedCase()]) expect(refusal(() => feedbackLetterHtml(input(decided))).code).toBe('not_failed');
    const { failure: _, ...withoutFindings } = input(failed);
    expect(refusal(() => feedbackLetterHtml(withoutFindings)).code).toBe('failure_findings_required');
  });
});

describe('the findings of a failure, from the case\'s events', () => {
  it('are those of the MediationFailed event, and there are none before mediation fails', () => {
    expect(failureFindingsOf(failedCase().events)).toEqual({ undisputedFacts: UNDISPUTED_FACTS, disputedPoints: DISPUTED_POINTS, note: '被申请人同意先行支付无争议部分' });
    expect(failureFindingsOf(mediatingCase().events)).toBeNull();
  });
});

describe('what the mediator typed, as the documents number and name it (issue 18)', () => {
  it('states 案由 as a cause of its own, and a case recorded before it was asked for as it always read', () => {
    expect(textOf(feedbackLetterHtml(input(failedCase())))).toContain('与被申请人郑州某餐饮管理有限公司劳动报酬争议一案');
    const old = agreedCase({ referral: courtReferral({ cause: undefined }) });
    expect(old.events[0]!.data).not.toHaveProperty('cause');
    expect(textOf(agreementHtml(input(old)))).toContain('案由：劳动争议（委派调解（诉前）） ');
    expect(textOf(feedbackLetterHtml(input(failedCase(courtReferral({ cause: undefined })))))).toContain('与被申请人郑州某餐饮管理有限公司劳动争议一案');
  });

  it('numbers typed numbered terms once, each its own clause: never 三、一、', () => {
    const text = textOf(agreementHtml(input(agreedCase({ terms: '一、双方就本案再无其他争议。\n二、申请人放弃其他请求。' }))));
    expect(text).not.toMatch(/[一二三四五]、 [一二三四五]、/);
    expect(text).toContain('三、 双方就本案再无其他争议。 四、 申请人放弃其他请求。 五、 本协议于2026年4月20日达成');
  });

  it('numbers typed numbered facts and points in dispute once', () => {
    const text = textOf(feedbackLetterHtml(input(failedCase(courtReferral(), { undisputedFacts: ['1. 劳动关系存在', '2、月工资 6000 元'], disputedPoints: ['（一）加班费'] }))));
    expect(text).toContain('四、无争议事实 1. 劳动关系存在 2. 月工资 6000 元 五、争议焦点 1. 加班费');
  });

  it('tells the court each session held, with its attendees as separate names', () => {
    const text = textOf(feedbackLetterHtml(input(failedCase())));
    expect(text).toContain('组织调解次数：1 次 （1） 2026年4月10日，工作室现场调解，参加人员：申请人王某、被申请人代理人');
  });

  it('says why no session was held instead of a bare count of none', () => {
    const text = textOf(feedbackLetterHtml(input(failedWithoutSession())));
    expect(text).not.toContain('组织调解次数：0 次');
    expect(text).toContain('未能组织调解的原因：被申请人明确拒绝参加调解');
    expect(text).toContain('本工作室受理后指派调解员赵雅琴，未能组织调解，本工作室于2026年4月8日终结调解');
    expect(failureFindingsOf(failedWithoutSession().events)).toMatchObject({ noSessionReason: '被申请人明确拒绝参加调解' });
  });
});
