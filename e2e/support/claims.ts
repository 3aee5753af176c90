import { randomInt } from 'node:crypto';

const pick = (options: string[]) => options[randomInt(options.length)];

/**
 * A rumor-like claim of this run's own. Tests of stories share one Elasticsearch: a fixed text
 * would be a near-duplicate of the same text posted by an earlier run, and rightly join its story.
 */
export function claimOfThisRun(marker: string): string {
  return [
    `网传${pick(['城东', '城西', '南湖', '北山', '江北', '河口', '新区', '老城'])}${marker}号地块的${pick(['造纸厂', '电镀厂', '印染厂', '制药厂', '炼油厂'])}`,
    pick(['凌晨往河里排污', '把废渣埋在菜地下面', '半夜焚烧垃圾', '偷偷往地下打井排废液', '趁下雨开闸放废水']),
    pick(['田里的庄稼全枯了', '空气里一股刺鼻的味道', '好几个孩子咳嗽不止', '河面漂着一层油花', '树叶一夜之间全黄了']),
    pick(['小区里已经有老人住院', '学校已经停课两天', '菜市场的菜没人敢买', '自来水里有怪味', '养殖场的鸭子死了一片']),
    pick(['有关部门一直在捂盖子', '记者去了被拦在门外', '举报电话根本打不通', '厂长说是正常排放', '街道办让大家别乱说']),
    pick(['大家赶紧扩散', '转给身边的人看看', '求媒体曝光', '求上级部门来查', '家里有孩子的注意']),
    pick(['已经好几个月了', '就在上周', '从去年就开始了', '这两天特别严重', '昨晚又来了一次']),
  ].join('，');
}

/** A comment a reposter puts before the quoted claim. */
export function commentOfThisRun(marker: string): string {
  return `${pick(['太吓人了', '真的假的', '求证一下', '天哪'])}，${marker}有人知道真相吗？`;
}

/**
 * An everyday post of this run's own, about something else: a fixed text with only the marker
 * changed would be a near-duplicate of earlier runs' and join their story.
 */
export function everydayPostOfThisRun(marker: string): string {
  return [
    `${marker}${pick(['社区', '街道', '小学', '图书馆', '老年大学'])}今天${pick(['组织志愿者清理河道垃圾', '举办了亲子阅读活动', '开展了消防安全演练', '请来医生义诊', '办了一场书法展'])}`,
    pick(['居民们带着孩子一起参加', '来了两百多位街坊', '现场气氛很热烈', '不少老人一早就来排队', '年轻人也来帮忙']),
    pick(['活动结束后还举办了环保知识问答', '主办方准备了小礼品', '下个月还会再办一次', '电视台也来拍了', '大家都说很有意义']),
    pick(['大家收获满满', '点赞', '希望多办这样的活动', '明年还来', '感谢工作人员']),
  ].join('，');
}
