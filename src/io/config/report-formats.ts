/** The report formats a run writes, apart from their writers (the CLI's option table reads them). Pure. */

/** Every format, in the order a run writes them (report.json first: it is the source). */
export const REPORT_FORMATS = ['json', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
