export { loadSentimentModel, plainEvidenceLogOdds, SentimentModel, SENTIMENT_MODEL_FILE } from './sentiment-model';
export type { SentimentPrediction, SentimentProbabilities } from './sentiment-model';
export { LinearModel, encodeWeights, softmax, ARTIFACT_FORMAT, MODELS_DIR } from './linear-model';
export type { ClaimGate, LinearModelArtifact } from './linear-model';
export { MODEL_VERSION } from './model-version.constant';
export { cueLogOdds, detectSentimentCues } from './sentiment-cues';
export type { SentimentCue, SentimentCueCode } from './sentiment-cues';
export { evaluativeBalance } from './evaluative-words';
