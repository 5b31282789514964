import { describe, expect, it } from '@jest/globals';
import { zh } from '../i18n/zh.js';
import { brandOf } from './brand.js';

const shown = (role: Parameters<typeof brandOf>[0]) => {
  const { title, subtitle } = brandOf(role);
  return `${zh[title]} ${zh[subtitle]}`;
};

describe('the product name in the header', () => {
  it('names mediation for a mediator, never the 12351 hotline', () => {
    expect(shown('mediator')).toBe('劳动争议诉调对接 法院+工会 调解工作室');
    expect(shown('mediator')).not.toContain('12351');
  });

  it('names the 12351 hotline for caseworkers, who take its orders', () => {
    expect(shown('caseworker')).toBe('职工维权个案管理 12351 职工维权热线');
  });

  it('names the union\'s whole casework for supervisors, and administration for administrators', () => {
    expect(shown('supervisor')).toBe('职工维权个案管理 工会维权与帮扶工作台');
    expect(shown('admin')).not.toContain('12351');
  });
});
