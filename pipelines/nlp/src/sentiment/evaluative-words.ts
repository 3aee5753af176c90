// Everyday evaluative words of posts to a public office (nlp-1.6.0, issue 9): thanks and praise of a
// service (耐心, 贴心, 省心, 感动), and the words of a complaint (折腾, 敷衍, 白跑). The learned model
// knows the frequent ones from its 44,000 training posts, but plain praise of a service is rare
// there: "谢谢…耐心讲了半个小时，终于弄明白了" read as negative, as waiting times and 终于 belong to
// complaints. Written by hand from what the words mean, not drawn from any lexicon or evaluation set.
// Matched on whole tokens (jieba), so 好 in 好多人 or 说好的 does not count.

const POSITIVE = [
  '感谢', '谢谢', '多谢', '感恩', '感激', '感动', '感人', '温暖', '暖心', '暖暖的', '温馨', '贴心', '周到', '周全',
  '细心', '细致', '耐心', '热情', '热心', '认真', '负责', '尽责', '专业', '高效', '及时', '迅速', '便捷', '便利',
  '方便', '省心', '省事', '放心', '安心', '满意', '点赞', '好评', '棒', '优秀', '出色', '给力', '靠谱', '实用',
  '实惠', '划算', '干净', '整洁', '漂亮', '美丽', '舒适', '舒服', '宽敞', '有序', '井然有序', '顺畅', '通畅', '开心',
  '高兴', '快乐', '幸福', '欣慰', '惊喜', '喜欢', '支持', '致敬', '敬佩', '佩服', '和谐', '文明', '圆满', '顺利',
  '正能量', '可爱', '温柔', '友好', '礼貌', '和蔼', '热闹', '精彩', '美味', '好吃', '好用', '好看', '清楚', '清晰',
  '稳当', '平安', '庆幸', '用心', '到位', '踏实', '暖', '赞',
];

const NEGATIVE = [
  '失望', '无奈', '生气', '愤怒', '气愤', '郁闷', '烦', '烦人', '烦死', '崩溃', '心累', '折腾', '糟糕', '差劲',
  '恶劣', '冷漠', '敷衍', '推诿', '扯皮', '刁难', '拖延', '拖欠', '乱收费', '坑人', '欺负', '吵', '噪音', '脏', '臭',
  '难受', '痛苦', '伤心', '难过', '害怕', '担心', '焦虑', '无语', '寒心', '心寒', '气死', '不满', '抱怨', '浪费',
  '白跑', '麻烦', '危险', '隐患', '离谱', '过分', '恶心', '闹心', '糟心', '无助', '绝望', '委屈', '忍无可忍',
  '石沉大海', '不了了之', '形同虚设', '踢皮球', '不作为', '乱象', '投诉无门', '差', '慢', '贵', '乱', '堵', '哭',
];

const POLARITY: ReadonlyMap<string, 1 | -1> = new Map<string, 1 | -1>([
  ...POSITIVE.map((word) => [word, 1] as [string, 1]),
  ...NEGATIVE.map((word) => [word, -1] as [string, -1]),
]);
// A negator right before the word, or before a degree word before it: 不 满意, 不 太 方便, 没 哭.
const NEGATORS: ReadonlySet<string> = new Set(['不', '没', '没有', '别', '毫不', '并不', '不太', '不是', '未', '无法', '从不', '从没', '不够', '一点也不', '一点都不']);
const DEGREE: ReadonlySet<string> = new Set(['太', '很', '特别', '非常', '十分', '那么', '怎么', '够', '算', '是很']);
// jieba keeps some short phrases whole: 太慢, 真棒 (a degree word and the word), 没堵, 不乱 (negated).
const DEGREE_PREFIXES = '太很真超挺最更蛮好';
const NEGATION_PREFIXES = '不没';

/** The polarity of one token, if it is an evaluative word or one with a degree word or negation glued on. */
function tokenPolarity(token: string): number | undefined {
  const polarity = POLARITY.get(token);
  if (polarity !== undefined || token.length < 2) return polarity;
  const degree = DEGREE_PREFIXES.includes(token[0]);
  if (!degree && !NEGATION_PREFIXES.includes(token[0])) return undefined;
  const rest = POLARITY.get(token.slice(1));
  if (rest === undefined) return undefined;
  return degree ? rest : -rest;
}

/** Praise words minus complaint words of a post's tokens, a negated word counting for the other side. */
export function evaluativeBalance(tokens: readonly string[]): number {
  let balance = 0;
  for (let i = 0; i < tokens.length; i++) {
    const polarity = tokenPolarity(tokens[i]);
    if (polarity === undefined) continue;
    const negated = NEGATORS.has(tokens[i - 1]) || (DEGREE.has(tokens[i - 1]) && NEGATORS.has(tokens[i - 2]));
    balance += negated ? -polarity : polarity;
  }
  return balance;
}
