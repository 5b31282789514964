import { isFen, type Fen } from '#money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['仟', '佰', '拾', ''] as const;
/** Every four digits of yuan take the next section unit. */
const SECTIONS = ['', '万', '亿', '万亿'] as const;

/**
 * An amount in the capitals written on agreements and cheques (大写金额), following the accounting
 * rules (会计基础工作规范): `1234500` → `壹万贰仟叁佰肆拾伍元整`, `100001` → `壹仟元零壹分`,
 * `50` → `伍角整`, `0` → `零元整`. A run of zeros inside the yuan is one 零; 整 follows 元 or 角,
 * never 分.
 */
export function fenToChineseCapitals(fen: Fen): string {
  if (!isFen(fen) || fen < 0) throw new RangeError(`An amount in capitals needs a non-negative whole number of fen, not ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const yuanText = yuan > 0 ? `${yuanCapitals(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${yuanText || '零元'}整`;
  const jiaoText = jiao > 0 ? `${DIGITS[jiao]}角` : yuan > 0 ? '零' : '';
  return cents > 0 ? `${yuanText}${jiaoText}${DIGITS[cents]}分` : `${yuanText}${jiaoText}整`;
}

function yuanCapitals(yuan: number): string {
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.unshift(rest % 10_000);
  let text = '';
  let zeroPending = false;
  sections.forEach((section, index) => {
    if (section === 0) {
      zeroPending = text !== '';
      return;
    }
    if (text !== '' && (zeroPending || section < 1000)) text += '零';
    text += sectionCapitals(section) + SECTIONS[sections.length - 1 - index];
    zeroPending = false;
  });
  return text;
}

/** 1 to 9999 without leading zeros: `1005` → `壹仟零伍`, `10` → `壹拾`. */
function sectionCapitals(section: number): string {
  const digits = String(section).padStart(4, '0').split('').map(Number);
  let text = '';
  let zeroPending = false;
  digits.forEach((digit, place) => {
    if (digit === 0) {
      zeroPending = text !== '';
      return;
    }
    if (zeroPending) text += '零';
    text += DIGITS[digit] + PLACES[place];
    zeroPending = false;
  });
  return text;
}
