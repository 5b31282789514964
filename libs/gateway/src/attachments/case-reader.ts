import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '#event-store';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { ComplaintCommands } from '../complaints/complaint-commands.service.js';
import { WageCaseCommands } from '../wage-cases/wage-case-commands.service.js';
import { HardshipFileCommands } from '../hardship/hardship-files.controller.js';
import { MediationCaseCommands } from '../mediation/mediation-cases.controller.js';
import type { AttachmentCaseKindSpec } from './attachment-case-kinds.js';

/** A case's events under the same rule and the same 404 as the case's own `GET` (each kind's CaseCommands). */
@Injectable()
export class CaseReader {
  constructor(
    private readonly complaints: ComplaintCommands,
    private readonly wageCases: WageCaseCommands,
    private readonly hardshipFiles: HardshipFileCommands,
    private readonly mediationCases: MediationCaseCommands,
  ) {}

  visibleEvents(spec: AttachmentCaseKindSpec, caseId: string, user: AuthenticatedUser): Promise<RecordedEvent[]> {
    const byKind = { complaint: this.complaints, wage_case: this.wageCases, hardship_file: this.hardshipFiles, mediation_case: this.mediationCases };
    return byKind[spec.kind].visibleEvents(caseId, user);
  }
}
