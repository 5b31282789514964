/**
 * Complaint histories for the hotline figures' specs: each step decided by the real decider at its own
 * moment (Shanghai wall time), applied by the real projection on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { createChineseDaysCalendar } from '#calendar';
import type { NewEvent } from '#event-store';
import { createComplaintDecider, DEFAULT_HOTLINE_TIME_LIMITS, type ComplaintCommand, type ComplaintState } from '#hotline';
import { envelopeOf } from '../../testing/projection-test-bed.js';

const decider = createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });

export type Actor = { readonly userId: string; readonly role: string; readonly orgUnitId: string };
export type Step = [when: string, command: ComplaintCommand, actor: Actor];

export const actorOf = (unit: string): Actor => ({ userId: `u-${unit}`, role: 'caseworker', orgUnitId: unit });
export const centre = actorOf('410100');
/** A Shanghai wall time (`2026-03-02T09:00:00`) as an instant. */
export const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

/** Decides each step at its own moment and returns the stream's events with envelopes. */
export function history(steps: readonly Step[], given: ComplaintState = decider.initialState): NewEvent[] {
  let state = given;
  const events: NewEvent[] = [];
  for (const [when, command, actor] of steps) {
    for (const event of decider.decide(command, state, { now: at(when), actor })) {
      state = decider.evolve(state, event);
      events.push(envelopeOf(event, actor, at(when)));
    }
  }
  return events;
}

/** The state a list of steps leaves, to decide later steps on. */
export function stateAfter(steps: readonly Step[]): ComplaintState {
  return history(steps).reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as never), decider.initialState);
}

export function receive(id: string, when: string, category: string, channel: string, receivingUnitId = '410100'): Step {
  return [when, { type: 'ReceiveComplaint', data: {
    complaintId: id, channel: channel as never, caller: { anonymous: false, name: '来电人', phone: '13800000000' }, workersAffected: 2,
    employer: { name: `企业${id.slice(0, 4)}`, district: '410105' }, classification: { category, type: 'request_for_action' } as never,
    urgency: 'normal', safetyRisk: false, summary: '诉求', receivedAt: at(when), receivingUnitId } }, actorOf(receivingUnitId)];
}

export const step = (when: string, command: ComplaintCommand, actor = centre): Step => [when, command, actor];

export const newComplaintId = () => randomUUID();
