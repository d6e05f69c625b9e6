import type { ErrorCode, Issue } from '../contract';

/** An expected failure, answered to the caller with its code (never a stack trace). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} introuvable.`);
