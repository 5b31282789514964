import { AuditVerifyController } from './audit-verify.controller.js';
import { ComplaintAuditController } from './complaint-audit.controller.js';
import { WageCaseAuditController } from '../wage-cases/wage-case-audit.controller.js';
import { HardshipFileAuditController } from '../hardship/hardship-file-audit.controller.js';
import { MediationCaseAuditController } from '../mediation/mediation-case-audit.controller.js';

/** The supervisor's audit of every kind of case: as of a moment, between two moments, and the hash-chain check. */
export const AUDIT_CONTROLLERS = [ComplaintAuditController, WageCaseAuditController, HardshipFileAuditController, MediationCaseAuditController, AuditVerifyController];
