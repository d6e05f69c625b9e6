import type { DiagnosticSummary } from '../../src-main/contract';

export const changeColor = (points: number | null) =>
  points === null || points === 0 ? 'dimmed' : points > 0 ? 'teal.8' : 'red.7';

export const statusColor: Record<DiagnosticSummary['status'], string> = {
  draft: 'yellow',
  completed: 'teal',
};
