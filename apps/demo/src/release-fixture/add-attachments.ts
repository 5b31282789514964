import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { ApiClient } from '../api-client.js';

/** A file to attach: to the first case of `kind` held by `unitId`, by `username`. */
export interface FixtureAttachment {
  readonly username: string;
  readonly kind: 'complaints' | 'hardship-files';
  readonly listKind: 'complaint' | 'hardship_file';
  readonly unitId: string;
  readonly evidence: string;
  readonly person: string;
  readonly colour: string;
}

/** A pay slip on a Jinshui complaint and a home-visit form on a Jinshui hardship file (证据附件, issue 19). */
export const FIXTURE_ATTACHMENTS: readonly FixtureAttachment[] = [
  { username: 'demo.jinshui', kind: 'complaints', listKind: 'complaint', unitId: '410105', evidence: 'pay_slip', person: 'caller', colour: '#aa6633' },
  { username: 'demo.jsbangfu', kind: 'hardship-files', listKind: 'hardship_file', unitId: '410105', evidence: 'home_visit_form', person: 'head', colour: '#3366aa' },
];

/** Uploads each attachment (a small JPEG) through the API; answers the paths of their contents. */
export async function addAttachments(baseUrl: string, password: string): Promise<string[]> {
  const contents: string[] = [];
  for (const attachment of FIXTURE_ATTACHMENTS) {
    const { client } = await ApiClient.login(baseUrl, attachment.username, password);
    const { items } = await client.get<{ items: { id: string; unitId: string }[] }>(`/api/cases?kind=${attachment.listKind}&unit=${attachment.unitId}&pageSize=1`);
    const caseId = items[0]?.id;
    if (!caseId) throw new Error(`No ${attachment.listKind} of ${attachment.unitId} to attach a file to`);
    const form = new FormData();
    form.append('kind', attachment.evidence);
    form.append('note', '原件已核对');
    form.append('person', attachment.person);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: attachment.colour } }).jpeg().toBuffer();
    form.append('files', new Blob([new Uint8Array(photo)]), `${attachment.evidence}.jpg`);
    const response = await fetch(`${baseUrl}/api/${attachment.kind}/${caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': randomUUID() },
      body: form,
    });
    const body = (await response.json()) as { items?: { id: string }[] };
    if (response.status !== 201 || !body.items?.[0]) throw new Error(`Attaching to ${attachment.kind}/${caseId}: ${response.status} ${JSON.stringify(body)}`);
    contents.push(`/api/${attachment.kind}/${caseId}/attachments/${body.items[0].id}/content`);
  }
  return contents;
}
