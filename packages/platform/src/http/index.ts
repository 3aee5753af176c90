export * from './parse-with';
export * from './problem';
export * from './problem.filter';
