export { normalizeText, URL_MARKER } from './normalize-text';
export { segment, dictionaryWords, readDomainDictionary, DOMAIN_DICTIONARY_PATH } from './segment-text';
export { analyze } from './analyze-text';
export { extractFeatures, wordFeatureId, hashString } from './hashed-features';
export type { FeatureConfig, HashedFeatures } from './hashed-features';
export { detectInformationQuestion } from './information-question';
