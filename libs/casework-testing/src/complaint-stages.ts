import type { ApiClient } from './api-client.js';

/** How far a test complaint has come; each stage is the first at which some action is open. */
export type ComplaintStage =
  | 'classified'
  | 'assigned'
  | 'in_progress'
  | 'contacted'
  | 'extension_requested'
  | 'resolved'
  | 'followed_up'
  | 'followed_up_dissatisfied'
  | 'flagged_repeat';

/** A complaint at its stage: its id, the pending approval, or the earlier order it repeats. */
export interface StagedComplaint {
  readonly id: string;
  readonly approvalId?: string;
  readonly earlierId?: string;
}

const STEPS: Record<Exclude<ComplaintStage, 'classified' | 'flagged_repeat'>, ComplaintStage> = {
  assigned: 'classified',
  in_progress: 'assigned',
  contacted: 'in_progress',
  extension_requested: 'contacted',
  resolved: 'contacted',
  followed_up: 'resolved',
  followed_up_dissatisfied: 'resolved',
};

/**
 * Brings complaints through the API to a stage at a unit: the hotline centre receives, assigns and
 * follows up; a user of the unit signs for, contacts and resolves. Every complaint has its own caller
 * and employer, so no two are repeats of each other unless asked for.
 */
export class ComplaintStages {
  private serial = 0;

  constructor(
    private readonly centre: ApiClient,
    private readonly handlerOf: (unitId: string) => ApiClient,
    private readonly caughtUp: () => Promise<void>,
  ) {}

  async create(stage: ComplaintStage, unitId: string, phone = this.nextPhone()): Promise<StagedComplaint> {
    if (stage === 'classified') return { id: await this.receive(phone) };
    if (stage === 'flagged_repeat') return this.repeat(unitId);
    const complaint = await this.create(STEPS[stage], unitId, phone);
    const { id } = complaint;
    const handler = this.handlerOf(unitId);
    switch (stage) {
      case 'assigned':
        await this.act(this.centre, id, 'assign', { unitId });
        return complaint;
      case 'in_progress':
        await this.act(handler, id, 'sign-for');
        return complaint;
      case 'contacted':
        await this.act(handler, id, 'contact', { reached: true, method: 'phone', summary: '已联系来电人，核实情况' });
        return complaint;
      case 'extension_requested': {
        const answer = await this.act(handler, id, 'extension-requests', { workingDays: 3, reason: '需要调取考勤记录' });
        await this.caughtUp(); // supervisors find requests in the approvals read model
        return { id, approvalId: answer.approvalId };
      }
      case 'resolved':
        await this.act(handler, id, 'resolve', { outcome: 'solved', summary: '经协调，企业已支付欠薪' });
        return complaint;
      case 'followed_up':
        await this.act(this.centre, id, 'follow-up', { reached: true, satisfaction: 'satisfied' });
        return complaint;
      case 'followed_up_dissatisfied':
        await this.act(this.centre, id, 'follow-up', { reached: true, satisfaction: 'dissatisfied' });
        return complaint;
    }
  }

  /** A second call from the same phone, assigned to `unitId` and flagged as repeating the first (still at the centre). */
  private async repeat(unitId: string): Promise<StagedComplaint> {
    const phone = this.nextPhone();
    const earlierId = await this.receive(phone);
    const id = await this.receive(phone);
    // The repeat-call detector writes the flag into the stream; assign after it, not racing it.
    await this.caughtUp();
    await this.act(this.centre, id, 'assign', { unitId });
    const { body } = await this.centre.get(`/api/complaints/${id}`);
    if (!body.repeatOf?.includes(earlierId)) throw new Error(`complaint ${id} was not flagged as a repeat of ${earlierId}`);
    return { id, earlierId };
  }

  private async receive(phone: string): Promise<string> {
    const response = await this.centre.post('/api/complaints', {
      channel: 'phone',
      caller: { name: '王建国', phone },
      employer: { name: `郑州市权限测试第${++this.serial}劳务有限公司`, district: '410105' },
      category: 'pay',
      type: 'request_for_action',
      summary: '工地拖欠工人工资',
    });
    if (response.status !== 201) throw new Error(`receive: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  }

  private async act(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const response = await client.post(`/api/complaints/${id}/${action}`, body);
    if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  private nextPhone(): string {
    return `139${String(10_000_000 + ++this.serial).slice(-8)}`;
  }
}
