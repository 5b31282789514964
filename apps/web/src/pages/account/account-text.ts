/** 修改密码: the text of the password-change page, in both languages. */
export const zhAccount = {
  'account.changePassword': '修改密码',
  'account.forcedTitle': '请先修改临时密码',
  'account.forcedNotice': '您正在使用管理员提供的临时密码。修改密码后才能继续使用系统。',
  'account.currentPassword': '当前密码',
  'account.newPassword': '新密码',
  'account.confirmPassword': '再次输入新密码',
  'account.policyHint': '至少10位；不能包含用户名；不要使用生日、手机号、身份证号、拼音姓名或常见密码。几个不相关的词语组合最好记也最安全。',
  'account.mismatch': '两次输入的新密码不一致',
  'account.submit': '修改密码',
  'account.changed': '密码已修改。其他设备上的登录已全部退出。',
  'account.menu': '修改密码',
} as const;

export const enAccount: Record<keyof typeof zhAccount, string> = {
  'account.changePassword': 'Change password',
  'account.forcedTitle': 'Change your temporary password first',
  'account.forcedNotice': 'You are using a temporary password from an administrator. Change it to go on.',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.confirmPassword': 'New password again',
  'account.policyHint': 'At least 10 characters; not containing your username; no birthdays, phone or ID numbers, pinyin names or common passwords. A few unrelated words are easiest to remember and safest.',
  'account.mismatch': 'The two new passwords differ',
  'account.submit': 'Change password',
  'account.changed': 'Password changed. Every other sign-in has been ended.',
  'account.menu': 'Change password',
};
