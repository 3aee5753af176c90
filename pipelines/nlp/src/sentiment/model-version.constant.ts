// Version of the shipped NLP models; every artifact under models/ carries it and the loaders
// refuse a mismatch, so an Enrichment's modelVersion always names what produced it.
// Bump when retraining changes the artifacts, or when the plain evidence added to them changes (cues, word lists, forms).
export const MODEL_VERSION = 'nlp-1.6.0';
