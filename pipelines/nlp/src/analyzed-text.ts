/** A text after normalisation and segmentation: the input every detector and model shares. */
export interface AnalyzedText {
  /** The text exactly as received. */
  original: string;
  /** Half-width, simplified, zero-width characters removed; emoji kept (R-ENR-1). */
  normalized: string;
  /** Words of `normalized`, from the segmenter with the domain dictionary. */
  tokens: string[];
}
