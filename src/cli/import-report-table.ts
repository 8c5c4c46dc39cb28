import type { ImportReport, VerifyReport } from '../services/import/legacy-import.js';

/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  return cells
    .map((row, index) =>
      row
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          return column === 0 || index === 0 ? cell.padEnd(width) : cell.padStart(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The per-collection import table (with a total row). */
export function importTable(report: ImportReport): string {
  const header = report.dryRun
    ? ['collection', 'source', 'importable', 'would fail']
    : ['collection', 'source', 'imported', 'already present', 'merged', 'failed'];
  const rows = report.collections.map((c) =>
    report.dryRun
      ? [c.collection, c.source, c.imported, c.failed]
      : [c.collection, c.source, c.imported, c.alreadyPresent, c.merged, c.failed],
  );
  return textTable(header, [...rows, totalRow(rows)]);
}

/** The per-collection verification table (with a total row). */
export function verifyTable(report: VerifyReport): string {
  const rows = report.collections.map((c) => [
    c.collection,
    c.source,
    c.verified,
    c.merged,
    c.rejected,
    c.missing,
    c.mismatched,
  ]);
  return textTable(
    ['collection', 'source', 'verified', 'merged', 'rejected', 'missing', 'mismatched'],
    [...rows, totalRow(rows)],
  );
}

function totalRow(rows: readonly (readonly (string | number)[])[]): (string | number)[] {
  const width = rows[0]?.length ?? 1;
  return Array.from({ length: width }, (_, column) =>
    column === 0 ? 'total' : rows.reduce((sum, row) => sum + Number(row[column] ?? 0), 0),
  );
}
