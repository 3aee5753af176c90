export * from './enrich-line';
export * from './enrich-jsonl.stream';
