import type { Response } from 'express';
import { shanghaiDateOf } from '#calendar';
import { NotFoundError } from '#errors';
import type { RecordedEvent } from '#event-store';
import type { OrgUnits } from '#identity';
import type { MediationEvent } from '#mediation';
import { agreementHtml, agreementPdf, failureFindingsOf, feedbackLetterHtml, feedbackLetterPdf, type MediationDocumentInput } from '#mediation-documents';
import { foldMediationCase } from './mediation-case-fold.js';

/** The documents a room hands out, by their name in the URL: the agreement and the feedback letter to the court. */
const DOCUMENTS = {
  agreement: { title: '调解协议书', html: agreementHtml, pdf: agreementPdf },
  'feedback-letter': { title: '调解不成反馈函', html: feedbackLetterHtml, pdf: feedbackLetterPdf },
} as const;

export type MediationDocumentName = keyof typeof DOCUMENTS;

/** `agreement`, `agreement.pdf`, `feedback-letter`, `feedback-letter.pdf` → the document and its format; 404 for anything else. */
export function mediationDocumentOf(document: string): { readonly name: MediationDocumentName; readonly pdf: boolean } {
  const name = document.replace(/\.pdf$/, '');
  if (!Object.hasOwn(DOCUMENTS, name)) throw new NotFoundError('document_not_found', '没有这种文书：可选 agreement（调解协议书）或 feedback-letter（调解不成反馈函）');
  return { name: name as MediationDocumentName, pdf: document.endsWith('.pdf') };
}

/** A rendered document, ready to send. */
export interface RenderedMediationDocument {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/**
 * A case's document (HTML page, or PDF) from its decrypted events: parties masked, or in full
 * identity for the caller who has a logged reason. Throws the domain's refusal (`no_agreement`,
 * `not_failed`) before anything is sent, so a refused print is never logged as a reveal.
 */
export async function renderMediationDocument(events: readonly RecordedEvent[], options: {
  readonly document: { readonly name: MediationDocumentName; readonly pdf: boolean };
  readonly identity: 'masked' | 'full';
  readonly orgUnits: OrgUnits;
  readonly now: Date;
}): Promise<RenderedMediationDocument> {
  const { name, pdf } = options.document;
  const kind = DOCUMENTS[name];
  const state = foldMediationCase(events);
  const input: MediationDocumentInput = {
    state, identity: options.identity, roomName: options.orgUnits.find(state.roomId!)?.name ?? state.roomId!, printedOn: shanghaiDateOf(options.now),
    ...(state.status === 'failed' ? { failure: failureFindingsOf(events.map((e) => ({ type: e.type, data: e.data }) as MediationEvent))! } : {}),
  };
  const filename = `filename*=UTF-8''${encodeURIComponent(`${kind.title}${pdf ? '.pdf' : '.html'}`)}`;
  // A copy with full identity must not stay in a browser's or a proxy's cache.
  const caching: Record<string, string> = options.identity === 'full' ? { 'Cache-Control': 'no-store' } : {};
  if (pdf) {
    return { body: await kind.pdf(input), headers: { ...caching, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="mediation-${name}.pdf"; ${filename}` } };
  }
  return { body: kind.html(input), headers: { ...caching, 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': `inline; ${filename}` } };
}

export function sendDocument(response: Response, document: RenderedMediationDocument): void {
  for (const [name, value] of Object.entries(document.headers)) response.setHeader(name, value);
  response.end(document.body);
}
