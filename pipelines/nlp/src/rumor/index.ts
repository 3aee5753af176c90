export { loadRumorModel, RumorModel, RUMOR_MODEL_FILE, rumorFeatureNames, signalFeatureNames } from './rumor-model';
export type { RumorAssessment } from './rumor-model';
export { assessRumorSignals, detectCredibilitySignals, detectRumorSignals, hasAuthoritativeSource, isDebunking } from './rumor-signals';
export type { CredibilitySignal, CredibilitySignalCode, RumorSignal, RumorSignalCode } from './rumor-signals';
export { loadRebuttalRecords, matchRebuttals, REBUTTAL_RECORDS_FILE } from './rebuttal-records';
export type { RebuttalRecord } from './rebuttal-records';
export { rumorLevel, RUMOR_MEDIUM_FROM } from './rumor-level';
export { gateRumor } from './claim-gate';
