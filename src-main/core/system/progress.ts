import type { ProgressStep, Task } from '../../contract';
import { currentCall, type Context, type CurrentCall } from '../context';

interface Running extends Task {
  sessionHash: string | null;
}

// The long calls of each core that have told how far they are, by call id.
const running = new WeakMap<Context, Map<string, Running>>();
const tasksOf = (ctx: Context) => {
  let tasks = running.get(ctx);
  if (!tasks) running.set(ctx, (tasks = new Map()));
  return tasks;
};

/**
 * Tells how far the call being answered is: its step, and `done` of `total` when the step can be
 * counted. Read by `system.progress` between the call's awaits; forgotten when the call ends.
 */
export function reportProgress(
  ctx: Context,
  step: ProgressStep,
  done: number | null = null,
  total: number | null = null,
) {
  const call = currentCall();
  if (!call) return;
  tasksOf(ctx).set(call.id, {
    method: call.method,
    startedAt: call.at,
    step,
    done,
    total,
    sessionHash: call.sessionHash,
  });
}

/** The call has ended (the dispatcher calls this). */
export const endProgress = (ctx: Context, callId: string) => running.get(ctx)?.delete(callId);

/** The long calls of the same signed-in session (all of them for a trusted, in-process caller). */
export function progressOf(ctx: Context, caller: CurrentCall): Task[] {
  return [...tasksOf(ctx).values()]
    .filter((t) => caller.trusted || (caller.sessionHash !== null && t.sessionHash === caller.sessionHash))
    .map(({ sessionHash: _, ...task }) => task);
}

/**
 * Starts a step of a long call: reported, then the waiting `system.progress` calls are answered
 * before the step's synchronous work holds the process.
 */
export async function beginStep(ctx: Context, step: ProgressStep): Promise<void> {
  reportProgress(ctx, step);
  await new Promise((resolve) => setImmediate(resolve));
}
