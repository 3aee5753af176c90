export * from './category.matcher';
export * from './category.constant';
export * from './term-list';
export * from './term-list.loader';
export { AhoCorasick } from './aho-corasick';
