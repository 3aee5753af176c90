import { ITEM_KINDS, rawItemFor, rawTopicFor, validateItemIntake, type ItemKind, type RawItem, type TopicDefinition } from '@liaowang/contract';
import type { FieldProblem } from './source-entry';

/**
 * What the import needs from the contract: validate a payload as an item of a kind, give it its
 * stable id, and name the raw topic it goes to. The import holds no schema or id rule of its own.
 */
export interface ItemRules {
  toItem(kind: ItemKind, payload: unknown, receivedAt: Date): { item: RawItem } | { problems: FieldProblem[] };
  topicFor(kind: ItemKind): TopicDefinition<RawItem>;
}

export const isItemKind = (value: unknown): value is ItemKind => (ITEM_KINDS as readonly unknown[]).includes(value);

/** The kind of a payload: the one asked for on the command line, else its own `kind`, else mention. */
export function kindOf(payload: unknown, asked?: ItemKind): ItemKind | FieldProblem {
  const own = typeof payload === 'object' && payload !== null ? (payload as { kind?: unknown }).kind : undefined;
  if (own === undefined) return asked ?? 'mention';
  if (!isItemKind(own)) return { field: 'kind', reason: `must be one of ${ITEM_KINDS.join(', ')}` };
  if (asked && own !== asked) return { field: 'kind', reason: `is ${own}, but this import is of ${asked}` };
  return own;
}

/** The contract's rules: the kind's intake schema, the identity rule, the kind's raw topic. */
export const contractItemRules: ItemRules = {
  toItem(kind, payload, receivedAt) {
    const result = validateItemIntake(kind, payload);
    if (!result.ok) return { problems: result.errors.map((error) => ({ field: error.field === 'body' ? 'line' : error.field, reason: error.message })) };
    return { item: rawItemFor(result.item, payload, receivedAt) };
  },
  topicFor: rawTopicFor,
};
