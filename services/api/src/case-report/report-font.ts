import { existsSync } from 'node:fs';

/** A CJK font file and, for a collection (.ttc), the face inside it. */
export interface ReportFont {
  path: string;
  family?: string;
}

// Debian's fonts-noto-cjk (installed by the project's scripts for tests and local runs); pdfkit
// embeds the subset of glyphs used, so the PDF reads the same on a machine without the font.
const CANDIDATES: readonly ReportFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

/** The first installed candidate, or undefined when none is (the report route then says which package to install). */
export function findReportFont(exists: (path: string) => boolean = existsSync): ReportFont | undefined {
  return CANDIDATES.find((font) => exists(font.path));
}
