/** Where a complaint stands in its lifecycle. `none`: nothing received yet (a new stream). */
export type ComplaintStatus =
  | 'none'
  | 'received'
  | 'classified'
  | 'assigned'
  | 'returned'
  | 'in_progress'
  | 'resolved'
  | 'followed_up'
  | 'closed'
  | 'merged';

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = {
  none: '未受理',
  received: '已受理',
  classified: '已分类',
  assigned: '已转办待签收',
  returned: '已退回',
  in_progress: '办理中',
  resolved: '已办结待回访',
  followed_up: '已回访',
  closed: '已结案',
  merged: '已合并',
};

/** Statuses in which the order is still being handled (not resolved, closed or merged). */
export const STATUSES_BEFORE_RESOLUTION: readonly ComplaintStatus[] = ['received', 'classified', 'returned', 'assigned', 'in_progress'];
