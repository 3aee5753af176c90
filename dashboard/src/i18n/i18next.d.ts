import 'i18next';
import type zhCN from './zh-CN.json';

// Message keys are checked at compile time against the Chinese file, the source of truth.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
