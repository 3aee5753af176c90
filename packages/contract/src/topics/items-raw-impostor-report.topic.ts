import { rawItemSchema, type RawItem } from '../item';
import type { TopicDefinition } from './topic-definition';

// Few and precious: one partition, so every report about one account is read in the order filed.
export const impostorReportsRawTopic: TopicDefinition<RawItem> = {
  name: 'liaowang.items.raw.impostor-report.v1',
  key: 'threadId (platform:account:<handle or URL> of the reported account): reports on one account stay ordered (R-ING-3)',
  partitions: 1,
  retentionMs: 30 * 24 * 3600 * 1000,
  producers: ['intake (HTTP push, public report page)', 'liaowang import'],
  consumers: ['enricher'],
  schemaVersion: 1,
  schema: rawItemSchema,
  example: {
    id: 'douyin:impostor_report:R20261123-0007',
    kind: 'impostor_report',
    platform: 'douyin',
    author: { id: 'anonymous', name: '匿名举报人' },
    text: '这个号自称江城发布，在直播间卖课收费，头像和官方一模一样',
    publishedAt: '2026-11-23T10:02:00+08:00',
    receivedAt: '2026-11-23T10:02:00+08:00',
    threadId: 'douyin:account:jiangcheng_fabu01',
    impostorReport: {
      reportedAccount: {
        platform: 'douyin',
        displayName: '江城发布',
        handle: 'jiangcheng_fabu01',
        avatarUrl: 'https://douyin.example/avatar/jc01.jpg',
        bio: '江城市人民政府新闻办公室官方账号',
        followerCount: 1520,
      },
      evidenceUrls: ['https://douyin.example/video/7301'],
    },
    raw: { receipt: 'R20261123-0007' },
  },
};
