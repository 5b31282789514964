import { ApiError } from '../../api';
import { readToken } from '../../session';
import { downloadWithToken } from '../wage/ledger/download';
import { mediationPath } from './mediation-steps';

/** The documents a room hands out: 调解协议书 and 调解不成反馈函 (the feedback letter to the court). */
export type MediationDocument = 'agreement' | 'feedback-letter';

const FILE_NAMES: Record<MediationDocument, string> = { agreement: '调解协议书', 'feedback-letter': '调解不成反馈函' };

/**
 * Opens the printable page of a document in a new tab, in one click. The API wants the bearer token,
 * which a plain link cannot carry: the tab is opened at once (so the browser counts it as the user's
 * click), the page is fetched with the token and shown there from a blob. `false` when the browser
 * kept the tab from opening.
 */
export function openPrintable(caseId: string, document: MediationDocument): Promise<boolean> {
  return showInNewTab(() => fetch(mediationPath(caseId, `/documents/${document}`), { headers: authorization() }));
}

/**
 * Opens the court's copy (full ID numbers and addresses) in a new tab: `POST …/documents/:document/reveal`
 * with the reason, logged by the API before it answers. Called from the dialog's submit, so the tab
 * still counts as the user's click. `false` when the browser kept the tab from opening.
 */
export function openCourtCopy(caseId: string, document: MediationDocument, reason: string): Promise<boolean> {
  return showInNewTab(() => fetch(mediationPath(caseId, `/documents/${document}/reveal`), {
    method: 'POST', headers: { ...authorization(), 'Content-Type': 'application/json' }, body: JSON.stringify({ reason }),
  }));
}

/** The tab is opened before the request, while the click still counts; the page is shown there from a blob. */
async function showInNewTab(request: () => Promise<Response>): Promise<boolean> {
  const tab = window.open('', '_blank');
  if (!tab) return false;
  try {
    const response = await request();
    if (!response.ok) throw await refusal(response);
    const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html;charset=utf-8' }));
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch (error) {
    tab.close();
    throw error;
  }
}

/** Saves the document as PDF, named after it and the case number. */
export function downloadPdf(caseId: string, document: MediationDocument, caseNumber: string | null): Promise<void> {
  return downloadWithToken(mediationPath(caseId, `/documents/${document}.pdf`), `${FILE_NAMES[document]}${caseNumber ? `-${caseNumber}` : ''}.pdf`);
}

function authorization(): Record<string, string> {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function refusal(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  return new ApiError(response.status, body?.code ? body : { statusCode: response.status, code: `http_${response.status}`, message: `文书生成失败（HTTP ${response.status}）` });
}
