/**
 * Fake but well-formed personal data for the demo callers, derived deterministically from a seed:
 * the same seed always gives the same callers, so a re-run sends the same bodies. Never printed.
 */
import { SeededRandom } from '#testing';

export { SeededRandom };


const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function idCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return ID_CHECK_CHARACTERS[sum % 11]!;
}

/** Where migrant workers in Zhengzhou often come from (county codes in Henan), and Zhengzhou itself. */
const HOME_COUNTIES = ['411621', '411627', '411423', '411526', '411722', '411325', '410122', '410181', '411002', '410526'];

/** An 18-character ID number with a valid check character; `female` sets the parity of the 17th digit. */
export function fakeIdNumber(random: SeededRandom, female: boolean): string {
  const year = random.int(1966, 2001);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const order = random.int(0, 49) * 2 + (female ? 0 : 1);
  const first17 = `${random.pick(HOME_COUNTIES)}${year}${month}${day}${String(random.int(0, 9))}${String(order).padStart(2, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const MOBILE_PREFIXES = ['138', '139', '137', '135', '150', '151', '158', '186', '187', '188', '176', '199'];

/** A mainland mobile number; `serial` (0–9999) goes into the last digits so every caller's differs. */
export function fakeMobile(random: SeededRandom, serial: number): string {
  return `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9999)).padStart(4, '0')}${String(serial).padStart(4, '0')}`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '宋', '谢', '韩', '冯', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴'];
const MALE_GIVEN = ['建国', '志强', '国庆', '红军', '春生', '海涛', '永刚', '保国', '新民', '伟', '磊', '军', '鹏飞', '俊杰', '国强', '满仓', '长江', '卫东', '振华', '明亮', '书豪', '浩然'];
const FEMALE_GIVEN = ['秀英', '桂芳', '丽娟', '春梅', '晓燕', '玉兰', '静', '敏', '艳红', '雪梅', '慧', '佳怡', '梦瑶', '淑珍', '凤霞', '婷婷'];

export interface FakeCaller {
  readonly name: string;
  readonly phone: string;
  readonly idNumber: string;
  readonly female: boolean;
}

/** One caller: a Chinese name, a mobile number unique by `serial`, an ID number of the same sex. */
export function fakeCaller(random: SeededRandom, serial: number, female = random.next() < 0.3): FakeCaller {
  const name = random.pick(SURNAMES) + random.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return { name, phone: fakeMobile(random, serial), idNumber: fakeIdNumber(random, female), female };
}
