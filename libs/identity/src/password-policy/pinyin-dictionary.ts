/**
 * 拼音词典: what Chinese users build passwords from, in pinyin, for the strength estimator. This is
 * data the estimator ranks (earlier = more common, so fewer guesses), not a list of refused passwords:
 * `zhangwei` is guessed quickly, `zhangwei` with four random words around it is not.
 */

/** 百家姓: the commonest surnames, by frequency (2020 census order, roughly). */
const SURNAMES = `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
xu han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan ren shen yao lu jin fu zhong
wan du dai cui qiu fan qin lv shi meng tan liao kong bai xiong hao shao mao qian wen kang hou niu shang gu yin lei long
duan zou hong geng qi ouyang zhuge situ shangguan murong`;

/** Given names and their syllables, commonest first. */
const GIVEN_NAMES = `wei fang min jing li qiang lei jun yang yong yan jie juan tao ming chao xiuying xiulan guiying
hua ping gang hui na ying hong jian jia xin yu hao yu xuan zihan yutong haoran zixuan yichen xinyi tingting lili
jingjing xiaoming xiaohong xiaoyu xiaoli xiaowei jianhua jianguo guoqiang zhiqiang haiyan yanhong lihua wenjie
junjie zhiwei jianjun hongmei xiaoyan yulan meiling cuiping shufen guihua fengying dan bo bin feng lin long peng
kai xiang yun ting qian lan mei ning qing rui shan shuang wen xia xue yue zhen zhi`;

/** Words and phrases people type: love numbers, greetings, places, work, the federation itself. */
const WORDS = `woaini aini woaini1314 5201314 1314520 520 1314 woaiwojia woaizhongguo zhongguo beijing shanghai
zhengzhou henan guangzhou shenzhen nihao xiexie mima mimama zaijian kuaile xingfu pingan fuqi baobei laogong laopo
mama baba gege jiejie didi meimei pengyou xiaobao tiantian haoxiang wangluo diannao shouji weixin qq taobao
gonghui zonggonghui laodong gongzi gongren weiquan kunnan bangfu tiaojie rexian zhigong danwei bangong ganbu
fayuan zhengfu guanli xitong denglu admin123 a123456 aa123456 woshishui wodemima bugaosuni suibian`;

const words = (text: string) => [...new Set(text.split(/\s+/).filter(Boolean))];

/** The names an attacker tries first: every common surname with every common given name (zhangwei, liufang). */
function fullNames(): string[] {
  const surnames = words(SURNAMES).slice(0, 40);
  const given = words(GIVEN_NAMES).slice(0, 40);
  return surnames.flatMap((surname) => given.map((name) => surname + name));
}

/** Dictionaries in the estimator's format; a name containing "names" makes its warning speak of names. */
export const PINYIN_DICTIONARIES: Record<string, string[]> = {
  pinyinNames: [...words(SURNAMES), ...words(GIVEN_NAMES), ...fullNames()],
  pinyinWords: words(WORDS),
};
