import { rawItemSchema, type RawItem } from '../item';
import type { TopicDefinition } from './topic-definition';

export const mentionsRawTopic: TopicDefinition<RawItem> = {
  name: 'liaowang.items.raw.mention.v1',
  key: "threadId (the thread, else platform:author): one thread's or author's items stay ordered (R-ING-3)",
  partitions: 6,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['intake (HTTP push, simulator)', 'liaowang import'],
  consumers: ['enricher'],
  schemaVersion: 1,
  schema: rawItemSchema,
  example: {
    id: 'weibo:4231265311393455',
    kind: 'mention',
    platform: 'weibo',
    author: { id: 'u1001', name: '江城观察' },
    text: '网传市区明天全部停课，有人知道是真的吗？',
    url: 'https://weibo.example/4231265311393455',
    publishedAt: '2026-11-23T09:30:00+08:00',
    receivedAt: '2026-11-23T09:30:02+08:00',
    threadId: 'weibo:u1001',
    region: '湖北',
    raw: { mid: '4231265311393455' },
  },
};
