import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CsvRecordAssembler } from './csv-records';
import { csvRowPayload, parseCsvHeader } from './csv-row';
import { detectEncoding, ENCODING_SAMPLE_BYTES, type FileEncoding } from './file-encoding';
import { isBlank, jsonlEntry } from './jsonl-entries';
import { LineSplitter, type Line } from './line-splitter';
import type { SourceEntry } from './source-entry';

export type ImportFormat = 'jsonl' | 'csv';

/** A file that cannot be imported at all (wrong encoding, unreadable header): refused as a whole. */
export class FileRefusedError extends Error {}

export interface FileEntriesOptions {
  format: ImportFormat;
  /** Forced encoding; otherwise told from the first bytes. */
  encoding?: FileEncoding;
  /** Called with the encoding used, once it is known. */
  onEncoding?(encoding: FileEncoding): void;
  /**
   * Which entries (by index) to parse and give; the others are only counted. Lets several threads
   * share a file: each splits the whole of it (cheap) and parses its own part (the costly work).
   */
  keep?(index: number): boolean;
}

/** Reads the first bytes and judges the encoding; throws FileRefusedError for one that is not read. */
export async function encodingOf(path: string): Promise<FileEncoding> {
  const handle = await open(path, 'r');
  try {
    const sample = Buffer.alloc(ENCODING_SAMPLE_BYTES + 1);
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    const verdict = detectEncoding(sample.subarray(0, Math.min(bytesRead, ENCODING_SAMPLE_BYTES)), bytesRead > ENCODING_SAMPLE_BYTES);
    if ('refused' in verdict) throw new FileRefusedError(verdict.refused);
    return verdict.encoding;
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file as entries, in the order of the file, one array per chunk read: the file is
 * never held whole, and a caller that awaits between arrays holds the reading back (backpressure).
 * `bytesRead()` tells how far the file has been read, for progress.
 */
export function fileEntries(path: string, options: FileEntriesOptions): { entries: AsyncGenerator<SourceEntry[]>; bytesRead(): number } {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  async function* entries(): AsyncGenerator<SourceEntry[]> {
    const encoding = options.encoding ?? (await encodingOf(path));
    options.onEncoding?.(encoding);
    // iconv-lite strips a byte order mark and keeps characters cut between chunks whole.
    const text = file.pipe(iconv.decodeStream(encoding));
    const splitter = new LineSplitter();
    const keep = options.keep ?? (() => true);
    const toEntries = options.format === 'csv' ? csvEntries(keep) : jsonlEntries(keep);
    try {
      for await (const chunk of text as AsyncIterable<string>) {
        const batch = toEntries.push(splitter.push(chunk));
        if (batch.length > 0) yield batch;
      }
      const last = toEntries.end(splitter.end());
      if (last.length > 0) yield last;
    } finally {
      file.destroy();
    }
  }
  return { entries: entries(), bytesRead: () => file.bytesRead };
}

interface EntryMaker {
  push(lines: Line[]): SourceEntry[];
  end(lastLines: Line[]): SourceEntry[];
}

function jsonlEntries(keep: (index: number) => boolean): EntryMaker {
  let index = 0;
  const push = (lines: Line[]) => {
    const out: SourceEntry[] = [];
    for (const line of lines) {
      if (isBlank(line)) continue;
      const at = index++;
      if (keep(at)) out.push(jsonlEntry(line, at));
    }
    return out;
  };
  return { push, end: push };
}

function csvEntries(keep: (index: number) => boolean): EntryMaker {
  const records = new CsvRecordAssembler();
  let header: string[] | undefined;
  let lastLine = 0;
  let index = 0;
  const push = (lines: Line[]): SourceEntry[] => {
    const out: SourceEntry[] = [];
    for (const line of lines) {
      lastLine = line.number;
      const record = records.push(line);
      if (record === undefined) continue;
      if ('problem' in record) {
        if (!header) throw new FileRefusedError(`the header row cannot be read: ${record.problem.reason}`);
        const at = index++;
        if (keep(at)) out.push({ ...record, index: at });
      } else if (!header) {
        header = readHeader(record.text);
      } else {
        const at = index++;
        if (keep(at)) out.push({ index: at, line: record.line, lastLine: record.lastLine, ...csvRowPayload(header, record.text) });
      }
    }
    return out;
  };
  return {
    push,
    end(lastLines) {
      const out = push(lastLines);
      const open = records.end(lastLine);
      if (open && keep(index)) out.push({ ...open, index });
      if (!header) throw new FileRefusedError('the CSV file has no header row');
      return out;
    },
  };
}

function readHeader(text: string): string[] {
  try {
    return parseCsvHeader(text);
  } catch (error) {
    throw new FileRefusedError(`the header row cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
