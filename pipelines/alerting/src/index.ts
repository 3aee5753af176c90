export * from './keyword-query/keyword-query';
export * from './keyword-query/keyword-matcher';
export * from './rules/rule-matcher';
export * from './rules/quiet-hours';
export * from './alerts/alert-grouping';
export * from './alerts/alert-lifecycle';
