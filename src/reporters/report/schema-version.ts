/**
 * report.json's schemaVersion. Apart from the report's schema: writing a
 * report stamps it without building the schema (only reading one back does).
 * Bump on any incompatible change of report.json, with a changelog note. Pure.
 */
export const REPORT_SCHEMA_VERSION = 3;
