import type { ItemIntake, ValidMentionIntake } from '@liaowang/contract';
import seedrandom from 'seedrandom';

// What the simulator's comments and impostor reports carry beside their text (R-ING-1): the own
// account and post a comment was left on, the account a report says impersonates the office.
// Drawn from the post's source id, so a seeded stream stays the same stream.

const OWN_ACCOUNTS = [
  { id: 'jiangcheng-fabu', name: '江城发布' },
  { id: 'jiangcheng-jiaoyu', name: '江城教育' },
  { id: 'jiangcheng-weijian', name: '健康江城' },
  { id: 'jiangcheng-jiaotong', name: '江城交通' },
];
const OWN_POSTS = ['关于地铁三号线施工期间交通组织的通告', '2026年中考招生政策解读', '暴雨天气出行安全提示', '老旧小区改造最新进展', '医保报销流程图解'];
const IMPOSTOR_NAMES = ['江城发布官方', '江城市教育局服务号', '江城卫健委便民办事', '江城交通官方客服'];
const IMPOSTOR_BIOS = ['官方授权服务号，代办各类证件', '江城市政府官方账号，扫码领取补贴', '教育局直属，招生名额咨询请私信'];

/** A generated post with the context its kind asks for, valid by that kind's schema. */
export function withKindContext(post: ValidMentionIntake): ItemIntake {
  const next = seedrandom(post.sourceId ?? post.text);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  if (post.kind === 'comment') {
    const postIndex = Math.floor(next() * OWN_POSTS.length);
    const account = pick(OWN_ACCOUNTS);
    return {
      ...post,
      kind: 'comment',
      account,
      post: { id: `${account.id}-p${postIndex + 1}`, url: `https://${post.platform}.example/${account.id}/p${postIndex + 1}`, title: OWN_POSTS[postIndex] },
    };
  }
  if (post.kind === 'impostor_report') {
    const handle = `jc_${Math.floor(next() * 90_000 + 10_000)}`;
    return {
      ...post,
      kind: 'impostor_report',
      reportedAccount: {
        platform: post.platform,
        displayName: pick(IMPOSTOR_NAMES),
        handle,
        url: `https://${post.platform}.example/u/${handle}`,
        bio: pick(IMPOSTOR_BIOS),
        followerCount: Math.floor(next() * 5_000),
      },
      evidenceUrls: [`https://${post.platform}.example/u/${handle}/screenshot-1.png`],
    };
  }
  return { ...post, kind: 'mention' };
}
