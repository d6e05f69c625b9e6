import type { FileOutput, ParsedInput, Report } from '../../contract';
import { transaction, type Context } from '../context';

export function getReport(ctx: Context, { request }: ParsedInput<'reports.get'>): Report {
  throw new Error('todo');
}

export async function exportReport(ctx: Context, input: ParsedInput<'reports.export'>): Promise<FileOutput> {
  const report = transaction(ctx, () => getReport(ctx, input));
  throw new Error('todo');
}
