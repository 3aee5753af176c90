/** What became of the entries of a file. Every entry is counted exactly once. */
export interface ImportCounts {
  accepted: number;
  rejected: number;
  duplicate: number;
}

/** The one line printed at the end: `accepted N, rejected N, duplicate N`. */
export const summaryLine = (counts: ImportCounts): string =>
  `accepted ${counts.accepted}, rejected ${counts.rejected}, duplicate ${counts.duplicate}`;

/** Exit codes a script can tell apart (also in `liaowang import --help` and the README). */
export const EXIT = {
  /** Done: something was accepted or was already there; rejects, if any, are in the reject file. */
  done: 0,
  /** Nothing could be imported: every entry rejected, the file empty, unreadable or refused (encoding). */
  nothingImported: 1,
  /** Kafka or Elasticsearch could not be reached, at the start or during the run. */
  unreachable: 2,
} as const;

/** The exit code for a finished run: 1 only when no entry was accepted or found already stored. */
export const exitCodeFor = (counts: ImportCounts): number => (counts.accepted + counts.duplicate > 0 ? EXIT.done : EXIT.nothingImported);
