import type { DataSource } from 'typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { ValidationError, UnauthenticatedError } from '#errors';
import { UserEntity, ROLES, type Role } from './user.entity.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { signAccessToken, type TokenClaims } from './access-token.js';
import type { OrgUnits } from './org-units.js';

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
}

const TOKEN_LIFETIME_SECONDS = 8 * 3600;

export class Users {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnits,
    private readonly tokenSecret: string,
  ) {}

  /**
   * Makes sure the administrator exists. Returns the generated password when it had to make one up
   * (to be printed once), `null` otherwise.
   */
  async ensureAdmin(cityUnitId: string, password?: string): Promise<string | null> {
    const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ username: 'admin' });
    if (existing) return null;
    const chosen = password ?? randomBytes(12).toString('base64url');
    await this.create({ username: 'admin', password: chosen, displayName: '系统管理员', role: 'admin', orgUnitId: cityUnitId });
    return password ? null : chosen;
  }

  async create(user: NewUser): Promise<UserView> {
    this.validate(user);
    const repository = this.dataSource.getRepository(UserEntity);
    if (await repository.findOneBy({ username: user.username })) {
      throw new ValidationError([{ field: 'username', rule: 'unique', message: `用户名 ${user.username} 已被使用` }]);
    }
    const entity = repository.create({
      id: randomUUID(),
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      role: user.role,
      orgUnitId: user.orgUnitId,
      disabled: false,
    });
    await repository.insert(entity);
    return this.view(entity);
  }

  async login(username: string, password: string): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, password));
    if (!user || !ok) throw new UnauthenticatedError('invalid_credentials', '用户名或密码不正确');
    return { accessToken: this.issueToken(user), user: this.view(user) };
  }

  issueToken(user: Pick<UserEntity, 'id' | 'role' | 'orgUnitId' | 'username'>): string {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      unit: user.orgUnitId,
      username: user.username,
      exp: Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS,
    };
    return signAccessToken(claims, this.tokenSecret);
  }

  async findById(id: string): Promise<UserView | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    return user ? this.view(user) : null;
  }

  async findByUsername(username: string): Promise<UserView | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    return user ? this.view(user) : null;
  }

  private validate(user: NewUser): void {
    const violations = [];
    if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(user.username ?? '')) {
      violations.push({ field: 'username', rule: 'pattern', message: '用户名须为3至32位小写字母、数字或 _ . -，以字母开头' });
    }
    if ((user.password ?? '').length < 10) {
      violations.push({ field: 'password', rule: 'min_length', message: '密码至少10位' });
    }
    if (!user.displayName?.trim()) violations.push({ field: 'displayName', rule: 'required', message: '姓名不能为空' });
    if (!ROLES.includes(user.role)) {
      violations.push({ field: 'role', rule: 'one_of', message: `角色必须是 ${ROLES.join('、')} 之一` });
    }
    if (!this.orgUnits.find(user.orgUnitId)) {
      violations.push({ field: 'orgUnitId', rule: 'exists', message: '所属单位不存在' });
    }
    if (violations.length > 0) throw new ValidationError(violations);
  }

  private view(user: UserEntity): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgUnitName: this.orgUnits.find(user.orgUnitId)?.name ?? user.orgUnitId,
    };
  }
}
