import type { IndexTemplateDefinition } from '@liaowang/contract';

/** What the retention job does on one run: month indices to create ahead, and to delete. */
export interface RetentionPlan {
  create: string[];
  delete: string[];
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Months since year 0 of an Asia/Shanghai time, so months compare as numbers. */
const monthNumber = (at: Date) => {
  const shanghai = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth();
};
const monthName = (prefix: string, n: number) => `${prefix}${Math.floor(n / 12)}.${String((n % 12) + 1).padStart(2, '0')}`;

/** `liaowang-items-` of a time-based template (pattern `liaowang-items-*`); undefined for a single index. */
export function monthPrefixOf(def: IndexTemplateDefinition): string | undefined {
  const pattern = def.indexPatterns.find((p) => p.endsWith('-*'));
  return pattern?.slice(0, -1);
}

/**
 * The retention choice (R-ENR-7), pure: of the month indices `existing`, those of a month at
 * least `keepMonths` before the current Asia/Shanghai month go; the current and the next month
 * are created ahead if missing, so the first write of a month never waits for its index.
 * Names that are not `<prefix>YYYY.MM` are left alone.
 */
export function planRetention(existing: readonly string[], prefixes: readonly string[], now: Date, keepMonths: number): RetentionPlan {
  const current = monthNumber(now);
  const plan: RetentionPlan = { create: [], delete: [] };
  for (const prefix of prefixes) {
    const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d{4})\\.(0[1-9]|1[0-2])$`);
    for (const index of existing) {
      const match = pattern.exec(index);
      if (match && current - (Number(match[1]) * 12 + Number(match[2]) - 1) >= keepMonths) plan.delete.push(index);
    }
    for (const n of [current, current + 1]) {
      const name = monthName(prefix, n);
      if (!existing.includes(name)) plan.create.push(name);
    }
  }
  plan.delete.sort();
  return plan;
}
