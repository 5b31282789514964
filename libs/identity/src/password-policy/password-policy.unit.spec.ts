import { passwordPolicyViolations, PASSWORD_POLICY } from './password-policy.js';

const zhang = { username: 'zhang.wei', displayName: '张伟' };
const refusal = (password: string, person = zhang, field = 'newPassword') => passwordPolicyViolations(password, person, field)[0];

describe('the password policy', () => {
  it.each([
    ['ten spaces', '          '],
    ['one letter ten times', 'aaaaaaaaaa'],
    ['a digit run', '1234567890'],
    ['a pinyin name and a birth year', 'zhangwei1990'],
    ['a mobile phone number', '13812345678'],
    ['a birthday and three letters', '19900101abc'],
    ['a keyboard row', 'qwertyuiop'],
    ['a common password with digits', 'password123'],
    ['a pinyin love phrase', 'woaini1314520'],
    ['an ID number', '410105199001011234'],
    ['a district code and a birthday', '41010519900101'],
    ['a pinyin surname and a phone number', 'wang13912345678'],
  ])('refuses %s as weak', (_, password) => {
    expect(refusal(password)).toMatchObject({ field: 'newPassword', rule: 'weak_password' });
  });

  it('refuses the username itself and any password containing it, whatever the case', () => {
    expect(refusal('zhang.wei', zhang)).toMatchObject({ rule: 'weak_password' });
    const containing = refusal('Quiet-ZHANG.WEI-harbour-77', zhang);
    expect(containing).toMatchObject({ rule: 'weak_password', message: expect.stringContaining('用户名') });
  });

  it('weighs the display name and the parts of the username as guessable', () => {
    const lin = { username: 'lin.xiaoyu', displayName: '林晓雨' };
    expect(refusal('xiaoyu19900101', lin)).toMatchObject({ rule: 'weak_password' });
  });

  it('refuses fewer than ten characters and control characters with their own rules', () => {
    expect(refusal('Xk7#pQ2!')).toMatchObject({ rule: 'min_length', message: expect.stringContaining(String(PASSWORD_POLICY.minLength)) });
    expect(refusal('Moon\u0000river-Lantern-42')).toMatchObject({ rule: 'control_character' });
    expect(refusal('Moon\nriver-Lantern-42')).toMatchObject({ rule: 'control_character' });
  });

  it('says why in Chinese: the estimator\'s warning, translated', () => {
    expect(refusal('aaaaaaaaaa').message).toMatch(/重复/);
    expect(refusal('1234567890').message).toMatch(/常见/);
    expect(refusal('13812345678').message).toMatch(/手机号/);
    expect(refusal('19900101abc').message).toMatch(/日期|生日/);
    expect(refusal('qwertyuiop').message).toMatch(/键盘|常见/);
    for (const password of ['          ', 'zhangwei1990', '410105199001011234']) expect(refusal(password).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the field it was given', () => {
    expect(refusal('aaaaaaaaaa', zhang, 'password').field).toBe('password');
  });

  it.each([
    'restart-Hotline-passw0rd',
    'test-Warden-passw0rd',
    'a-long-passw0rd',
    'correct horse battery staple',
    'Lantern-river-Quiet-42',
    '汉字也可以做密码的一部分-9x',
  ])('accepts %s', (password) => {
    expect(passwordPolicyViolations(password, zhang, 'newPassword')).toEqual([]);
  });

  it('refuses what scores below the required strength and accepts what reaches it', () => {
    expect(PASSWORD_POLICY.minScore).toBe(3);
  });
});
