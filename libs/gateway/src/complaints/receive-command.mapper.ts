import { ValidationError } from '#errors';
import { validateComplaintCommand, type ComplaintCommand, type HotlineReferenceData, type ReceiveComplaint } from '#hotline';
import type { AuthenticatedUser } from '../auth/current-user.js';
import type { ReceiveComplaintDto } from './receive-complaint.dto.js';

/** The HTTP body of `POST /api/complaints` as the domain's `ReceiveComplaint`. */
export function toReceiveCommand(complaintId: string, body: ReceiveComplaintDto, user: AuthenticatedUser, now: Date): ReceiveComplaint {
  const classification = body.category || body.type ? { category: body.category, subcategory: body.subcategory, type: body.type } : undefined;
  return {
    type: 'ReceiveComplaint',
    data: {
      complaintId,
      channel: body.channel as never,
      externalReference: body.externalReference,
      caller: {
        anonymous: body.caller?.anonymous ?? (!body.caller?.name && !body.caller?.idNumber),
        name: body.caller?.name,
        phone: body.caller?.phone,
        idNumber: body.caller?.idNumber,
      },
      workersAffected: body.workersAffected ?? 1,
      employer: employerOf(body),
      classification: classification as never,
      urgency: (body.urgency ?? 'normal') as never,
      safetyRisk: body.safetyRisk ?? false,
      summary: body.summary,
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : now,
      receivingUnitId: user.orgUnitId,
    },
  };
}

/** An employer left blank in every field is no employer (a policy question); the domain says whether that may be. */
function employerOf(body: ReceiveComplaintDto): ReceiveComplaint['data']['employer'] {
  const employer = body.employer;
  if (!employer || ![employer.name, employer.district, employer.creditCode, employer.address].some((value) => typeof value === 'string' && value.trim() !== '')) return undefined;
  return { name: employer.name, district: employer.district, creditCode: employer.creditCode, address: employer.address };
}

/** The domain nests the classification; the HTTP body has its fields at the top level. */
export const RECEIVE_FIELD_NAMES: Readonly<Record<string, string>> = {
  'classification.category': 'category',
  'classification.subcategory': 'subcategory',
  'classification.type': 'type',
};

/** The domain's shape rules, against the reference lists as they stand, reported with the HTTP body's field names. */
export function rejectInvalid(command: ComplaintCommand, reference: HotlineReferenceData, fieldNames: Readonly<Record<string, string>> = {}): void {
  const violations = validateComplaintCommand(command, reference);
  if (violations.length > 0) throw new ValidationError(violations.map((v) => ({ ...v, field: fieldNames[v.field] ?? v.field })));
}
