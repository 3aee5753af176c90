import { rawItemSchema, type RawItem } from '../item';
import type { TopicDefinition } from './topic-definition';

export const commentsRawTopic: TopicDefinition<RawItem> = {
  name: 'liaowang.items.raw.comment.v1',
  key: 'threadId (platform:post:<post id> unless the source names the thread): one post\'s comments and replies stay ordered (R-ING-3)',
  partitions: 3,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['intake (HTTP push, simulator)', 'liaowang import'],
  consumers: ['enricher'],
  schemaVersion: 1,
  schema: rawItemSchema,
  example: {
    id: 'weibo:comment:5012345678',
    kind: 'comment',
    platform: 'weibo',
    author: { id: 'u2002', name: '晴天小雨' },
    text: '停水通知什么时候发的？我们小区一点消息都没有',
    publishedAt: '2026-11-23T09:31:00+08:00',
    receivedAt: '2026-11-23T09:31:01+08:00',
    threadId: 'weibo:post:4231265300000001',
    comment: {
      account: { id: 'jiangcheng-fabu', name: '江城发布' },
      post: { id: '4231265300000001', url: 'https://weibo.example/4231265300000001', title: '关于部分区域临时停水的通知' },
      inReplyTo: '5012345600',
    },
    raw: { cid: '5012345678' },
  },
};
