#!/usr/bin/env node
// NLP evaluation (issue 4): sentiment and rumor figures for the shipped models and SnowNLP on
// our dev split, in one run. `node bench/nlp-eval.js [--data ../shared/eval] [--no-snownlp]`.
// The figures are quoted in docs/NLP.md.
const path = require('node:path');

process.argv.splice(2, 0, 'evaluate');
require(path.join(__dirname, '..', 'pipelines', 'nlp', 'training', 'run.js'));
