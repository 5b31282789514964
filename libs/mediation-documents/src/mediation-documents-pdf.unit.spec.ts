import { RuleBrokenError } from '#errors';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { agreementDocument } from './agreement.blocks.js';
import type { DocumentDescription } from './document-blocks.js';
import { feedbackLetterDocument } from './feedback-letter.blocks.js';
import { failureFindingsOf, type MediationDocumentInput } from './mediation-document-input.js';
import { agreementPdf, feedbackLetterPdf } from './mediation-documents.js';
import { agreedCase, CASE_NUMBER, courtReferral, DISPUTED_POINTS, failedCase, FULL_ID_NUMBER, mediatingCase, ROOM, UNDISPUTED_FACTS } from './testing/mediation-cases.js';

function input({ state, events }: ReturnType<typeof agreedCase>): MediationDocumentInput {
  const failure = failureFindingsOf(events);
  return { state, roomName: ROOM, printedOn: '2026-11-21', ...(failure ? { failure } : {}) };
}

/** The text a reader would copy out of the PDF, every page, without spaces or line breaks. */
async function extractedText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await document.destroy();
  return { pages: document.numPages, text: squeeze(pages.join('')) };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Every piece of text the description holds, as the HTML page shows it. */
function textsOf(description: DocumentDescription): string[] {
  return description.blocks.flatMap((block) => {
    switch (block.kind) {
      case 'table':
        return [...block.columns.map((column) => column.header), ...block.rows.flat().filter((cell) => cell !== '')];
      case 'signatures':
        return block.signers;
      case 'closing':
        return block.lines;
      case 'item':
        return [`${block.marker}${block.text}`];
      default:
        return [block.text];
    }
  });
}

describe('调解协议书 as a PDF', () => {
  const agreement = input(agreedCase());
  let pdf: Buffer;
  let extracted: { pages: number; text: string };
  beforeAll(async () => {
    pdf = await agreementPdf(agreement);
    extracted = await extractedText(pdf);
  });

  it('is a PDF whose Chinese text can be copied out of it', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(extracted.text).toContain(squeeze(CASE_NUMBER));
    expect(extracted.text).toContain('调解协议书');
    expect(extracted.text).toContain('合计人民币15,000.00元（大写：壹万伍仟元整）');
    expect(extracted.text).toContain('当事人可自本协议生效之日起三十日内（即2026年5月20日前）共同向人民法院申请司法确认');
  });

  it('shows the ID number masked, never in full', () => {
    expect(extracted.text).toContain('410105********0017');
    expect(extracted.text).not.toContain(FULL_ID_NUMBER);
  });

  it('shows the full ID number the court needs when printed with full identity', async () => {
    const full = await extractedText(await agreementPdf({ ...agreement, identity: 'full' }));
    expect(full.text).toContain(`公民身份号码：${FULL_ID_NUMBER}`);
  });

  it('says everything the HTML page says, in the same order', () => {
    let from = 0;
    for (const text of textsOf(agreementDocument(agreement)).map(squeeze)) {
      const at = extracted.text.indexOf(text, from);
      expect({ text, found: at >= 0 }).toEqual({ text, found: true });
      from = at + text.length;
    }
  });

  it('is refused, as a rejected promise, for a case without an agreement', async () => {
    await expect(agreementPdf(input(mediatingCase()))).rejects.toMatchObject({ code: 'no_agreement' });
    await expect(agreementPdf(input(failedCase()))).rejects.toBeInstanceOf(RuleBrokenError);
  });
});

describe('调解不成反馈函 as a PDF', () => {
  const failure = input(failedCase());

  it('carries the case number, the numbered facts and points in dispute, and everything the HTML page says', async () => {
    const pdf = await feedbackLetterPdf(failure);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractedText(pdf);
    expect(text).toContain(squeeze(CASE_NUMBER));
    expect(text).toContain(squeeze(`四、无争议事实 1.${UNDISPUTED_FACTS[0]} 2.${UNDISPUTED_FACTS[1]}`));
    expect(text).toContain(squeeze(`五、争议焦点 1.${DISPUTED_POINTS[0]} 2.${DISPUTED_POINTS[1]}`));
    let from = 0;
    for (const expected of textsOf(feedbackLetterDocument(failure)).map(squeeze)) {
      const at = text.indexOf(expected, from);
      expect({ expected, found: at >= 0 }).toEqual({ expected, found: true });
      from = at + expected.length;
    }
  });

  it('continues a table longer than a page on the next page, under its header again', async () => {
    const claims = Array.from({ length: 40 }, (_, i) => ({ claimId: `c-${i}`, item: `第 ${i + 1} 个月工资`, amount: 100_000 + i, partyId: 'p-1' }));
    const { pages, text } = await extractedText(await feedbackLetterPdf(input(failedCase(courtReferral({ claims })))));
    expect(pages).toBeGreaterThan(2);
    expect(text.split('请求事项').length - 1).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(text).toContain(squeeze(claim.item));
  });

  it('is refused, as a rejected promise, unless mediation failed', async () => {
    await expect(feedbackLetterPdf(input(agreedCase()))).rejects.toMatchObject({ code: 'not_failed' });
  });
});
