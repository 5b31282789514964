/** The demo's users: who works where (org-tree.seed.ts), created by the administrator over HTTP. */
import { ApiClient, ApiError } from './api-client.js';

export const DEFAULT_DEMO_PASSWORD = 'demo-password-2026';

export type DemoRole = 'caseworker' | 'mediator' | 'supervisor';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: DemoRole;
  readonly orgUnitId: string;
  /** What the user does in the demo, for the printed table. */
  readonly duty: string;
  /** A caseworker of wage cases or hardship files only: never given the unit's complaints. */
  readonly notHotline?: true;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.rexian', displayName: '李晓燕', role: 'caseworker', orgUnitId: '410100', duty: '12351热线受理、转办、回访' },
  { username: 'demo.shidudao', displayName: '王建军', role: 'supervisor', orgUnitId: '410100', duty: '市总督导' },
  { username: 'demo.jinshui', displayName: '张丽娟', role: 'caseworker', orgUnitId: '410105', duty: '金水区总工会维权' },
  { username: 'demo.jsdudao', displayName: '刘国强', role: 'supervisor', orgUnitId: '410105', duty: '金水区督导（延期、审核）' },
  { username: 'demo.jingbalu', displayName: '陈志刚', role: 'caseworker', orgUnitId: '410105001', duty: '经八路街道服务站' },
  { username: 'demo.tiaojie', displayName: '赵雅琴', role: 'mediator', orgUnitId: 'MR-410105', duty: '金水区法院工会调解员' },
  { username: 'demo.zhongyuan', displayName: '杨卫东', role: 'caseworker', orgUnitId: '410102', duty: '中原区总工会维权' },
  { username: 'demo.erqi', displayName: '孙静', role: 'caseworker', orgUnitId: '410103', duty: '二七区总工会维权' },
  { username: 'demo.guancheng', displayName: '马海涛', role: 'caseworker', orgUnitId: '410104', duty: '管城回族区总工会维权' },
  { username: 'demo.gangqu', displayName: '郭振华', role: 'caseworker', orgUnitId: '410171', duty: '航空港区总工会维权' },
  { username: 'demo.zhengdong', displayName: '周慧', role: 'caseworker', orgUnitId: '410174', duty: '郑东新区总工会维权' },
  { username: 'demo.zhongmou', displayName: '韩春生', role: 'caseworker', orgUnitId: '410122', duty: '中牟县总工会维权' },
  // Wage cases, hardship files and mediation (demo-wage.ts, demo-hardship.ts, demo-mediation.ts).
  { username: 'demo.jsqianxin', displayName: '冯鹏飞', role: 'caseworker', orgUnitId: '410105', duty: '金水区欠薪追讨（立案、核实、垫付申请）', notHotline: true },
  { username: 'demo.jsbangfu', displayName: '宋桂芳', role: 'caseworker', orgUnitId: '410105', duty: '金水区困难职工帮扶（建档、送温暖、脱困申请）', notHotline: true },
  { username: 'demo.zytiaojie', displayName: '吴淑珍', role: 'mediator', orgUnitId: 'MR-410102', duty: '中原区法院工会调解员' },
  { username: 'demo.zydudao', displayName: '蒋振华', role: 'supervisor', orgUnitId: '410102', duty: '中原区督导（垫付、建档、脱困审批）' },
];

/** The caseworker who signs for and handles what is assigned to each unit that has one. */
export const HANDLER_OF_UNIT: Readonly<Record<string, string>> = Object.fromEntries(
  DEMO_USERS.filter((u) => u.role === 'caseworker' && !u.notHotline).map((u) => [u.orgUnitId, u.username]),
);

/** The supervisor who extends or closes for a unit: Jinshui's for Jinshui and its stations, else the city's. */
export function supervisorFor(unitId: string): string {
  return unitId.startsWith('410105') ? 'demo.jsdudao' : 'demo.shidudao';
}

export interface UserSetup {
  readonly created: string[];
  readonly existing: string[];
}

/** Creates every demo user as the administrator; one that already exists is left as it is. */
export async function ensureDemoUsers(admin: ApiClient, password: string): Promise<UserSetup> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const user of DEMO_USERS) {
    try {
      await admin.post('/api/users', { username: user.username, password, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId });
      created.push(user.username);
    } catch (error) {
      if (!(error instanceof ApiError && error.violates('username', 'unique'))) throw error;
      existing.push(user.username);
    }
  }
  return { created, existing };
}

export interface DemoSessions {
  readonly clients: Map<string, ApiClient>;
  /** User ids by username: a cadre or a mediator is named by id. */
  readonly userIds: Map<string, string>;
}

/** Signs every demo user in; a user created earlier with another password is reported clearly. */
export async function logInDemoUsers(baseUrl: string, password: string): Promise<DemoSessions> {
  const clients = new Map<string, ApiClient>();
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    try {
      const session = await ApiClient.login(baseUrl, user.username, password);
      clients.set(user.username, session.client);
      userIds.set(user.username, session.user.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw new Error(`演示用户 ${user.username} 已存在但密码不同：请用创建时的 DEMO_PASSWORD 重新运行`);
      }
      throw error;
    }
  }
  return { clients, userIds };
}
