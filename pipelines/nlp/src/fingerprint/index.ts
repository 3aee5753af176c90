export { fingerprint, EMPTY_FINGERPRINT, NEAR_DUPLICATE_DISTANCE, SHINGLE_WIDTH } from './fingerprint';
export { fingerprintText } from './fingerprint-text';
export { hammingDistance, simhashShingles } from './simhash';
