/** Titles and ordering of divergence kinds, shared by every renderer. */
import type { DivergenceKind } from '../model.js';

export const KIND_TITLES: Record<DivergenceKind, string> = {
  shape: 'Shape divergences',
  status: 'Status divergences',
  transport: 'Transport errors',
  value: 'Value divergences',
  header: 'Header divergences',
};

/** Report order: shape first (what breaks callers), then status, transport, value, header. */
export const KIND_REPORT_ORDER: readonly DivergenceKind[] = [
  'shape',
  'status',
  'transport',
  'value',
  'header',
];

/** The section a result is listed under: the first of its kinds in report order. */
export function primaryKind(kinds: readonly DivergenceKind[]): DivergenceKind | undefined {
  return KIND_REPORT_ORDER.find((kind) => kinds.includes(kind));
}
