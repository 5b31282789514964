import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import { canSeeCase, type Principal } from '#access-control';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import type { MediationCaseState, MediationDecider } from '#mediation';
import type { CaseNumbers } from '#case-numbers';
import { CASE_NUMBERS, EVENT_STORE, ORG_UNITS, MEDIATION_CALENDAR, MEDIATION_SERVICES } from '#service-tokens';
import { ExecuteMediationCommand } from '#context-commands';
import type { MediationCalendar } from './mediation-calendar.js';
import type { MediationServices } from './mediation-services.js';
import { mediationCaseStream } from '#mediation';

/**
 * The mediation case's one handler: checks the actor may see the case (on the events it loads),
 * decides and appends. Booking a session goes through the room calendar, so a room or a mediator is
 * never booked twice at once.
 */
@CommandHandler(ExecuteMediationCommand)
export class MediationCommandHandler implements ICommandHandler<ExecuteMediationCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEDIATION_SERVICES) private readonly mediation: MediationServices,
    @Inject(MEDIATION_CALENDAR) private readonly calendar: MediationCalendar,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
  ) {}

  execute({ caseId, command, meta, reason }: ExecuteMediationCommand): Promise<CommandResult> {
    const opening = command.type === 'ReferCase';
    const authorize = opening ? undefined : (state: MediationCaseState) => this.assertVisible(state, meta.actor);
    const run = (decider: MediationDecider) => handleCommand(this.store, decider, mediationCaseStream(caseId), command, meta, {
      reason, authorize, startsStream: opening,
      numberCase: () => this.caseNumbers.numberFor({ kind: 'mediation_case', at: meta.now }),
    });
    if (command.type === 'ScheduleSession' || command.type === 'RescheduleSession') {
      return this.calendar.whileBooking(String(command.data.startsAt), String(command.data.endsAt), (overlapping) => run(this.mediation.deciderBooking(overlapping)));
    }
    return run(this.mediation.decider);
  }

  private assertVisible(state: MediationCaseState, actor: ExecuteMediationCommand['meta']['actor']): void {
    const visible = state.status !== 'none' && canSeeCase(actor as Principal, { kind: 'mediation_case', unitIds: [state.roomId!] }, this.orgUnits);
    if (!visible) throw new NotFoundError('mediation_case_not_found', '调解案件不存在或无权查看');
  }
}
