/**
 * Signals that stop a run early (`Interruption.signal` in report.json):
 * Ctrl-C, a kill, and the hangup a closed terminal (or an ssh session that
 * dropped) sends. Apart from the report's schema: the bin listens for them
 * at start-up without building the schema. Pure.
 */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];
