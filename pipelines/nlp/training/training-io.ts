import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LinearModelArtifact } from '@liaowang/nlp';

// Progress to stderr and artifacts to disk, shared by the training commands.

export const log = (line: string): void => void process.stderr.write(`${line}\n`);

export function writeArtifact(file: string, artifact: LinearModelArtifact): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(artifact)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}
