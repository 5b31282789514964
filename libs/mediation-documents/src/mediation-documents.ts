import { agreementDocument } from './agreement.blocks.js';
import { feedbackLetterDocument } from './feedback-letter.blocks.js';
import type { DocumentDescription } from './document-blocks.js';
import type { MediationDocumentInput } from './mediation-document-input.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';

/** 调解协议书 as a printable HTML page. Throws `RuleBrokenError` `no_agreement` for a case without one. */
export function agreementHtml(input: MediationDocumentInput): string {
  return renderHtml(agreementDocument(input));
}

/** 调解协议书 as a PDF, the same content as `agreementHtml`. */
export function agreementPdf(input: MediationDocumentInput): Promise<Buffer> {
  return renderLater(() => agreementDocument(input));
}

/** 调解不成反馈函 as a printable HTML page. Throws `RuleBrokenError` `not_failed` unless mediation failed. */
export function feedbackLetterHtml(input: MediationDocumentInput): string {
  return renderHtml(feedbackLetterDocument(input));
}

/** 调解不成反馈函 as a PDF, the same content as `feedbackLetterHtml`. */
export function feedbackLetterPdf(input: MediationDocumentInput): Promise<Buffer> {
  return renderLater(() => feedbackLetterDocument(input));
}

/** A refusal becomes a rejected promise, as callers of an async function expect. */
async function renderLater(describe: () => DocumentDescription): Promise<Buffer> {
  return renderPdf(describe());
}
