import { analyze, loadRumorModel, loadSentimentModel } from '@liaowang/nlp';

// Our part of the R-PERF-3 budget: normalise + segment + sentiment + rumor, per post, on one
// core (a single-threaded loop), after a warm-up so the JIT and the caches are settled.

export interface CostReport {
  posts: number;
  meanChars: number;
  microsecondsPerPost: number;
}

export function measureCost(texts: readonly string[], rounds = 3): CostReport {
  const sentiment = loadSentimentModel();
  const rumor = loadRumorModel();
  const once = (text: string): void => {
    const doc = analyze(text);
    sentiment.predict(doc);
    rumor.score(doc);
  };
  for (const text of texts.slice(0, 500)) once(text);
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (const text of texts) once(text);
    const elapsed = Number(process.hrtime.bigint() - start) / 1000 / texts.length;
    best = Math.min(best, elapsed);
  }
  const meanChars = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  return { posts: texts.length, meanChars, microsecondsPerPost: best };
}
