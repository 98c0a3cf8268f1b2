import type { GivingImportReport } from './import-package';

/** The 360Giving import report as the CLI prints it: counts, organisations matched or created, then problems. */
export function formatGivingReport(report: GivingImportReport, limit = 50): string {
  const lines: string[] = [];
  const where = (line: number) => `${report.unit} ${line}`;
  const { grants, organizations } = report;
  if (report.ok) {
    lines.push(
      report.dryRun
        ? `360Giving: ${grants.rows} grants valid (dry run, nothing written) — would create ${grants.created} and update ${grants.updated} grants, create ${organizations.created.length} organisations`
        : `360Giving: ${grants.rows} grants imported — ${grants.created} created, ${grants.updated} updated; ${organizations.created.length} organisations created`
    );
  } else {
    lines.push(
      `360Giving: REJECTED — ${report.errorCount} error${report.errorCount === 1 ? '' : 's'} in ${grants.rows} grants; nothing was written.`
    );
    for (const issue of report.issues.slice(0, limit)) {
      lines.push(`  ${where(issue.line)}${issue.column ? `, field "${issue.column}"` : ''}: ${issue.reason}`);
    }
    if (report.errorCount > limit) lines.push(`  … and ${report.errorCount - limit} more`);
    return lines.join('\n');
  }
  for (const o of organizations.created)
    lines.push(`  ${where(o.line)}: new organisation "${o.name}" (${o.identifier})`);
  for (const o of organizations.matched) {
    if (o.name !== o.nameInFile) {
      lines.push(
        `  ${where(o.line)}: "${o.nameInFile}" is "${o.name}" (matched by ${o.matchedBy} ${o.identifier}); its profile was not changed`
      );
    }
  }
  for (const c of report.unmappedClassifications) {
    lines.push(
      `  ${where(c.line)}: classification ${c.vocabulary}/${c.code || c.title} has no theme in classification-themes.json`
    );
  }
  if (report.unknownColumns.length > 0) lines.push(`  ignored columns: ${report.unknownColumns.join(', ')}`);
  return lines.join('\n');
}
