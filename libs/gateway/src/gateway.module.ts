import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller.js';
import { UsersController } from './users/users.controller.js';
// People by name (issue 18.3): actor names in every history, user pickers
import { ActorNames } from './users/actor-names.js';
import { PickableUsersController } from './users/pickable-users.controller.js';
import { IdentityAuditController } from './users/identity-audit.controller.js';
import { OrgUnitsController } from './reference/org-units.controller.js';
import { ReferenceController } from './reference/reference.controller.js';
import { ReferenceAdminController } from './reference/reference-admin.controller.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { LegacyOrdersController } from './hotline/legacy-orders.controller.js';
import { EarlierOrdersController } from './hotline/earlier-orders.controller.js';
import { CasesController } from './cases/cases.controller.js';
import { CaseListing } from './cases/case-listing.js';
import { Figures } from './stats/figures.js';
import { StatsController } from './stats/stats.controller.js';
import { HealthController } from './health/health.controller.js';
import { CaseAccess } from './auth/case-access.js';
import { AUDIT_CONTROLLERS } from './audit/audit-controllers.js';
import { ApprovalsController } from './approvals/approvals.controller.js';
import { NoticesController } from './notices/notices.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { ComplaintCommands } from './complaints/complaint-commands.service.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { WageCasesController } from './wage-cases/wage-cases.controller.js';
import { WageCaseCommands } from './wage-cases/wage-case-commands.service.js';
import { HardshipFileCommands, HardshipFilesController } from './hardship/hardship-files.controller.js';
import { PovertyLinesController } from './hardship/poverty-lines.controller.js';
import { AidCampaignsController } from './hardship/aid-campaigns.controller.js';
import { MediationCaseCommands, MediationCasesController } from './mediation/mediation-cases.controller.js';
import { ParkedEventsController } from './admin/parked-events.controller.js';
import { EXPORT_CONTROLLERS } from './exports/export-controllers.js';
import { InboxController } from './inbox/inbox.controller.js';
import { ATTACHMENT_CONTROLLERS } from './attachments/attachments.controllers.js';
import { ATTACHMENT_PROVIDERS } from './attachments/attachments.providers.js';
import { EVIDENCE_KIND_PROVIDERS, EvidenceKindsAdminController } from './reference/evidence-kinds.controller.js';

/** The HTTP API: the only public entry. */
@Module({
  imports: [PersonalDataModule],
  providers: [CaseAccess, CaseListing, Figures, ActorNames, ComplaintCommands, WageCaseCommands, HardshipFileCommands, MediationCaseCommands, ...ATTACHMENT_PROVIDERS, ...EVIDENCE_KIND_PROVIDERS],
  controllers: [
    AuthController,
    UsersController,
    PickableUsersController,
    IdentityAuditController,
    OrgUnitsController,
    ReferenceController,
    ReferenceAdminController,
    EvidenceKindsAdminController,
    LegacyOrdersController,
    EarlierOrdersController,
    ComplaintsController,
    WageCasesController,
    HardshipFilesController,
    PovertyLinesController,
    AidCampaignsController,
    MediationCasesController,
    CasesController,
    StatsController,
    HealthController,
    ApprovalsController,
    NoticesController,
    CalendarController,
    ...AUDIT_CONTROLLERS,
    ParkedEventsController,
    ...EXPORT_CONTROLLERS,
    InboxController,
    ...ATTACHMENT_CONTROLLERS,
  ],
})
export class GatewayModule {}
