import { maskIdNumber, maskPhone, maskSensitiveFields } from './masking.js';

describe('masking personal data', () => {
  it('shows a mobile number as its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows an ID number as its area code and last four characters', () => {
    expect(maskIdNumber('41010519900101123X')).toBe('410105********123X');
  });

  it('masks phone, ID number and home address wherever they sit, and leaves the rest', () => {
    const masked = maskSensitiveFields({
      caller: { name: '王建国', phone: '13812345678', idNumber: '410105199001011234', homeAddress: '河南省郑州市金水区花园路1号' },
      employer: { name: '某建筑公司', address: '郑州市金水区农业路2号' },
      workers: [{ phone: '13900001111' }],
    });
    expect(masked).toEqual({
      caller: { name: '王建国', phone: '138****5678', idNumber: '410105********1234', homeAddress: '河南省郑州市****' },
      employer: { name: '某建筑公司', address: '郑州市金水区农业路2号' },
      workers: [{ phone: '139****1111' }],
    });
  });

  it('masks every address as well when the data names people\'s addresses so (mediation parties)', () => {
    const masked = maskSensitiveFields({
      applicants: [{ name: '王建国', address: '郑州市金水区纬五路7号院', phone: '13812345678' }],
      respondent: { name: '某餐饮公司', address: '郑州市金水区花园路8号' },
    }, { addresses: true });
    expect(masked).toEqual({
      applicants: [{ name: '王建国', address: '郑州市金水区****', phone: '138****5678' }],
      respondent: { name: '某餐饮公司', address: '郑州市金水区****' },
    });
  });
});
