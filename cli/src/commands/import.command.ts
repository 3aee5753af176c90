import type { Command } from 'commander';
import { extname } from 'node:path';
import { stat } from 'node:fs/promises';
import { ITEM_KINDS, type ItemKind } from '@liaowang/contract';
import { createElasticsearchClient, createLogger, isElasticsearchReady, KafkaPort, settingsShape } from '@liaowang/platform';
import { checkedEntriesInWorkers } from '../import/checked-entries-in-worker';
import { FileRefusedError, type ImportFormat } from '../import/file-entries';
import type { FileEncoding } from '../import/file-encoding';
import { importProgress } from '../import/import-progress';
import { EXIT, exitCodeFor, summaryLine } from '../import/import-summary';
import { ImportInterruptedError, importFile } from '../import/importer';
import { contractItemRules, isItemKind } from '../import/item-rules';
import { RejectFile } from '../import/reject-file';
import { storedIdsIn } from '../import/stored-ids';

interface ImportOptions {
  kind?: string;
  format?: string;
  rejects?: string;
  encoding?: string;
}

const HELP_AFTER = `
Each line (JSONL) or record (CSV, header row first; a column author.id fills author.id) is
validated by its kind's schema, given its stable id and produced to its kind's raw topic with
acks=all, as the HTTP intake does. Ids taken earlier in the run or already stored in
Elasticsearch are counted duplicate and not sent again, so a re-run imports nothing twice.
Progress goes to stderr (a bar on a terminal, a line every 5 s otherwise); stdout gets one line,
"accepted N, rejected N, duplicate N". Each rejected line is in the reject file as JSON with its
line number, the failing fields and the reason. KAFKA_BROKERS and ES_URL say where to import to.

Exit codes:
  0  done: at least one entry accepted or already stored (rejects, if any, in the reject file)
  1  nothing could be imported: every entry rejected, or the file empty, unreadable or refused
  2  Kafka or Elasticsearch could not be reached, at the start or during the run`;

/** `liaowang import FILE`: bulk import of an export file into the raw topics (R-ING-2). */
export function register(program: Command): void {
  program
    .command('import')
    .description('import a JSONL or CSV file of items into Kafka, with progress, a reject file and dedup')
    .argument('<file>', 'the file to import (.jsonl / .ndjson / .csv; UTF-8 or GBK)')
    .option('--kind <kind>', `kind of every item: ${ITEM_KINDS.join(' | ')} (default: each line's own kind, else mention)`)
    .option('--format <format>', 'jsonl | csv (default: from the file extension)')
    .option('--rejects <path>', 'where the rejected lines are written (default: FILE.rejects.jsonl)')
    .option('--encoding <encoding>', 'utf8 | gbk (default: told from the first bytes)')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string, options: ImportOptions) => {
      process.exitCode = await runImport(file, options);
    });
}

async function runImport(file: string, options: ImportOptions): Promise<number> {
  const args = parseArguments(file, options);
  if (typeof args === 'string') return refuse(args);
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : undefined),
    () => undefined,
  );
  if (size === undefined) return refuse(`${file} is not a readable file`);

  const brokers = settingsShape.KAFKA_BROKERS.safeParse(process.env.KAFKA_BROKERS);
  const esUrl = settingsShape.ES_URL.safeParse(process.env.ES_URL);
  if (!brokers.success) return refuse(`KAFKA_BROKERS: ${brokers.error.issues[0]?.message ?? 'invalid'}`, EXIT.unreachable);
  if (!esUrl.success) return refuse(`ES_URL: ${esUrl.error.issues[0]?.message ?? 'invalid'}`, EXIT.unreachable);

  // Silent: the logger writes JSON to stdout, which carries the summary line only; what goes wrong is said on stderr below.
  const kafka = new KafkaPort(brokers.data, 'liaowang-import', createLogger('import', 'silent'));
  const es = createElasticsearchClient(esUrl.data);
  const rejects = new RejectFile(options.rejects ?? `${file}.rejects.jsonl`);
  try {
    if (!(await kafka.isReachable())) return refuse(`Kafka at ${brokers.data.join(',')} cannot be reached; nothing imported`, EXIT.unreachable);
    // Without Elasticsearch a re-run could not tell stored items from new ones.
    if (!(await isElasticsearchReady(es))) return refuse(`Elasticsearch at ${esUrl.data} cannot be reached; nothing imported`, EXIT.unreachable);
    const topics = ITEM_KINDS.map((kind) => contractItemRules.topicFor(kind));
    await kafka.ensureTopics(topics);

    const progress = importProgress(size);
    const check = {
      path: file,
      format: args.format,
      kind: args.kind,
      encoding: args.encoding,
      onEncoding: (encoding: FileEncoding) => {
        if (encoding !== 'utf8' && !args.encoding) process.stderr.write(`${file} is not UTF-8 but reads as GBK: importing it as GB18030 (GBK's superset)\n`);
      },
    };
    const counts = await importFile({
      ...check,
      // Parsing and schema checks in threads of their own, Kafka and Elasticsearch in this one.
      source: checkedEntriesInWorkers(check),
      storedIds: storedIdsIn(es),
      // The items come serialized from the reading thread, as KafkaPort.send would serialize them.
      send: (topic, messages) => kafka.sendRaw(topic.name, messages),
      reject: (record) => rejects.write(record),
      progress,
    });
    console.log(summaryLine(counts));
    if (counts.rejected > 0) process.stderr.write(`rejected lines, with the reason for each: ${rejects.path}\n`);
    return exitCodeFor(counts);
  } catch (error) {
    if (error instanceof FileRefusedError) return refuse(`${file} not imported: ${error.message.replaceAll('FILE', file)}`);
    if (error instanceof ImportInterruptedError) {
      if (error.counts) console.log(summaryLine(error.counts));
      return refuse(`import stopped: ${error.message}; run it again to import the rest (what is in is counted duplicate)`, EXIT.unreachable);
    }
    throw error;
  } finally {
    await rejects.close();
    await kafka.disconnect();
    await es.close();
  }
}

function parseArguments(file: string, options: ImportOptions): { format: ImportFormat; kind?: ItemKind; encoding?: FileEncoding } | string {
  const format = options.format ?? formatFromExtension(file);
  if (format !== 'jsonl' && format !== 'csv') {
    return options.format ? `--format must be jsonl or csv, not ${options.format}` : `cannot tell the format of ${file} from its extension: give --format jsonl or --format csv`;
  }
  if (options.kind !== undefined && !isItemKind(options.kind)) return `--kind must be one of ${ITEM_KINDS.join(', ')}, not ${options.kind}`;
  const encodings: Record<string, FileEncoding> = { utf8: 'utf8', 'utf-8': 'utf8', gbk: 'gb18030', gb18030: 'gb18030' };
  const encoding = options.encoding === undefined ? undefined : encodings[options.encoding.toLowerCase()];
  if (options.encoding !== undefined && !encoding) return `--encoding must be utf8 or gbk, not ${options.encoding}`;
  return { format, kind: options.kind as ItemKind | undefined, encoding };
}

function formatFromExtension(file: string): string | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  return undefined;
}

function refuse(message: string, code: number = EXIT.nothingImported): number {
  process.stderr.write(`liaowang import: ${message}\n`);
  return code;
}
