import type { DiagnosticSummary } from '../../src-main/contract';

export const changeColor = (points: number | null) =>
  points === null || points === 0 ? 'dimmed' : points > 0 ? 'teal' : 'red';

export const statusColor: Record<DiagnosticSummary['status'], string> = {
  draft: 'yellow',
  completed: 'teal',
};
