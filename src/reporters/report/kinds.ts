/** Titles and ordering of divergence kinds, shared by every renderer. */
import type { DivergenceKind } from '../../contract/vocabulary.js';

export const KIND_TITLES: Record<DivergenceKind, string> = {
  shape: 'Shape divergences',
  status: 'Status divergences',
  transport: 'Transport errors',
  value: 'Value divergences',
  header: 'Header divergences',
};
