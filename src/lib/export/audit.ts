/**
 * The audit as files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese;
 * RFC 4180 quoting and CRLF) and JSON (the report of `npm run audit -- --json`).
 */
import type { AuditReport } from '../audit/audit';
import { auditTables } from '../audit/table';
import type { Lang } from '../i18n';
import { ATTRIBUTION } from './formats';

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const line = (cells: readonly string[]) => cells.map(cell).join(',');

/**
 * One block per table (title row, header row, data rows, empty row), in the UI's language with
 * names instead of ids; the attribution closes the file (the report measures Atlas geometry).
 */
export function auditCsv(report: AuditReport, lang: Lang): string {
  const lines: string[] = [];
  for (const t of auditTables(report, lang, { names: true })) {
    if (t.rows.length === 0) continue;
    lines.push(line([t.title]), line(t.header), ...t.rows.map(line), '');
  }
  lines.push(line([ATTRIBUTION]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function auditJson(report: AuditReport): string {
  return JSON.stringify({ attribution: ATTRIBUTION, ...report }, null, 2);
}
