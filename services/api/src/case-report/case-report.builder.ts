import {
  CASE_GRADE_NAMES,
  describeTimelineEvent,
  OWNER_LEVEL_NAMES,
  REFERRAL_TARGET_NAMES,
  SIGN_OFF_STEP_NAMES,
  STATEMENT_TIER_NAMES,
  type Case,
  type CaseOutcome,
  type CaseReport,
  type CaseReportBar,
  type CaseReportItem,
  type CaseState,
  type SignOffStep,
} from '@liaowang/contract';
import { detectPii, maskPii } from '@liaowang/nlp';

const STAGE_NAMES: Record<CaseState, string> = {
  receipt: '接报',
  assessment: '研判',
  response: '处置',
  archive: '归档',
};
const OUTCOME_NAMES: Record<CaseOutcome, string> = {
  resolved: '已处置',
  rumor_debunked: '谣言已澄清',
  referred: '已转办',
  no_action: '无需处置',
  other: '其他',
};
const TASK_STATE_NAMES = { open: '进行中', done: '已完成', cancelled: '已取消' } as const;
const STATEMENT_STATE_NAMES = { draft: '草稿', in_review: '审签中', signed_off: '已审签', released: '已发布' } as const;
const KIND_NAMES = { statement: '声明', rebuttal: '辟谣' } as const;
const EVIDENCE_KIND_NAMES = { item: '信息', alert: '预警', story: '事件', url: '网址', file: '文件' } as const;
const DECISION_NAMES = { approve: '同意', reject: '退回' } as const;

const MAX_BARS = 48;
const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR; // China keeps no summer time

/** Beijing time as 2026-03-05 14:07. */
export function beijingTime(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + SHANGHAI_OFFSET).toISOString().slice(0, 16).replace('T', ' ');
}

/** Free text as the report may show it: personal data masked (the report leaves the system). */
export function masked(text: string | undefined): string {
  return text ? maskPii(text, detectPii(text)) : '';
}

/**
 * Items per bucket over the linked items' times, buckets of whole hours in Beijing time, widened
 * so that at most MAX_BARS bars are drawn; empty hours between the first and last item count 0.
 */
export function volumeBars(items: readonly CaseReportItem[]): { bucketHours: number; bars: CaseReportBar[] } {
  const times = items.map((i) => Date.parse(i.publishedAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return { bucketHours: 1, bars: [] };
  const floorHour = (t: number) => Math.floor((t + SHANGHAI_OFFSET) / HOUR) * HOUR - SHANGHAI_OFFSET;
  const first = floorHour(Math.min(...times));
  const hours = (floorHour(Math.max(...times)) - first) / HOUR + 1;
  const bucketHours = Math.ceil(hours / MAX_BARS);
  const counts = new Array<number>(Math.ceil(hours / bucketHours)).fill(0);
  for (const t of times) counts[Math.floor((floorHour(t) - first) / HOUR / bucketHours)]++;
  return {
    bucketHours,
    bars: counts.map((count, i) => ({
      label: beijingTime(new Date(first + i * bucketHours * HOUR).toISOString()).slice(5),
      count,
    })),
  };
}

/** The case report (R-CASE-6) in Chinese: what the PDF and Word renderers both draw. */
export function buildCaseReport(kase: Case, items: readonly CaseReportItem[], now = new Date()): CaseReport {
  const volume = volumeBars(items);
  const stepName = (step: string | undefined) =>
    step && step in SIGN_OFF_STEP_NAMES ? SIGN_OFF_STEP_NAMES[step as SignOffStep] : (step ?? '—');
  return {
    fileStem: `case-${kase.id.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    title: `舆情事件处置报告：${masked(kase.title)}`,
    generatedAt: beijingTime(now.toISOString()),
    header: [
      ['案件编号', kase.id],
      ['标题', masked(kase.title)],
      ['等级', kase.grade ? `${CASE_GRADE_NAMES[kase.grade]}（${kase.grade}级）` : '未定级'],
      ['阶段', STAGE_NAMES[kase.state]],
      [
        '负责人',
        kase.owner ? `${kase.owner}${kase.ownerLevel ? `（${OWNER_LEVEL_NAMES[kase.ownerLevel]}）` : ''}` : '未指定',
      ],
      ['立案', `${beijingTime(kase.openedAt)}（${kase.openedBy}）`],
      ['归档', beijingTime(kase.archivedAt)],
      ['时区', '北京时间（Asia/Shanghai）'],
    ],
    summary: [
      ['案情摘要', masked(kase.summary) || '—'],
      [
        '统一口径',
        kase.agreedLine
          ? `${masked(kase.agreedLine.text)}（${beijingTime(kase.agreedLine.releasedAt)}发布）`
          : '尚未发布',
      ],
      ['结案总结', masked(kase.closing?.summary) || '—'],
      ['处置结果', kase.closing ? OUTCOME_NAMES[kase.closing.outcome] : '—'],
      ['经验教训', masked(kase.closing?.lessons) || '—'],
    ],
    tables: [
      {
        title: '时间线',
        columns: ['时间', '人员', '事项', '说明'],
        // The same words as the case page (describeTimelineEvent), free text masked.
        rows: kase.timeline.map((e) => {
          const words = describeTimelineEvent(e, kase, 'zh-CN');
          return [beijingTime(e.at), e.by, words.what, masked(words.detail) || '—'];
        }),
        empty: '无记录',
      },
      {
        title: '任务',
        columns: ['任务', '承办人', '期限', '状态'],
        rows: kase.tasks.map((t) => [masked(t.title), t.assignee, beijingTime(t.dueAt), TASK_STATE_NAMES[t.state]]),
        empty: '无任务',
      },
      {
        title: '转送部门',
        columns: ['部门', '转送内容', '转送时间', '回复'],
        rows: kase.referrals.map((r) => [
          `${REFERRAL_TARGET_NAMES[r.to]}${r.department ? `（${r.department}）` : ''}`,
          masked(r.sent),
          `${beijingTime(r.sentAt)}（${r.sentBy}）`,
          r.reply ? `${masked(r.reply)}（${beijingTime(r.repliedAt)}）` : '未回复',
        ]),
        empty: '未转送',
      },
      {
        title: '声明与辟谣',
        columns: ['编号', '类型与层级', '状态', '文本（最新版本）'],
        rows: kase.statements.map((s) => [
          s.id,
          `${KIND_NAMES[s.kind]}·${STATEMENT_TIER_NAMES[s.tier]}`,
          `${STATEMENT_STATE_NAMES[s.state]}${s.releasedAt ? `（${beijingTime(s.releasedAt)}）` : ''}`,
          `第${s.versions.at(-1)?.n ?? 0}版：${masked(s.versions.at(-1)?.text)}`,
        ]),
        empty: '无声明',
      },
      {
        title: '审签记录',
        columns: ['声明', '步骤', '审签人', '决定与意见', '时间'],
        rows: kase.statements.flatMap((s) =>
          s.signOffs.map((o) => [
            `${s.id} 第${o.versionN ?? '?'}版`,
            stepName(o.step),
            `${o.by}（${o.role}）`,
            `${o.decision ? DECISION_NAMES[o.decision] : '同意'}${o.note ? `：${masked(o.note)}` : ''}`,
            beijingTime(o.at),
          ]),
        ),
        empty: '无审签',
      },
      {
        title: '证据清单',
        columns: ['类型', '内容', 'SHA-256', '添加'],
        rows: kase.evidence.map((e) => [
          `${EVIDENCE_KIND_NAMES[e.kind]}${e.removed ? '（已撤除）' : ''}`,
          masked(
            [e.name ?? e.ref, e.note, e.removed ? `撤除原因：${e.removed.reason}` : undefined]
              .filter(Boolean)
              .join('；'),
          ),
          e.sha256 ?? '—',
          `${beijingTime(e.addedAt)}（${e.addedBy}）`,
        ]),
        empty: '无证据',
      },
    ],
    volume: {
      title: `关联信息量（每${volume.bucketHours === 1 ? '' : volume.bucketHours}小时条数，共${items.length}条）`,
      ...volume,
      empty: '无关联信息',
    },
  };
}
