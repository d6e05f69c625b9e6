import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Task } from '../../src-main/contract';
import type { Input, Method, Output } from '../../src-main/core/methods';
import { call } from '../api/client';

/** Long work in progress: which call, since when, and what the core last said of it. */
export interface Work {
  method: Method;
  /** Date.now() when it started. */
  startedAt: number;
  step: Task['step'] | null;
  done: number | null;
  total: number | null;
}

const POLL_MS = 500;

/**
 * A call that may take a while (a report, a backup, a restore, the demonstration programme): `run`
 * calls it and, while it runs, asks the core how far it is (`system.progress`), for <WorkProgress>.
 * Between two answers the core may be busy with the work itself: the time spent still counts.
 * With `refresh`, every read is refreshed afterwards, as after useMutate.
 */
export function useLongCall<M extends Method>(method: M, { refresh = false } = {}) {
  const client = useQueryClient();
  const [work, setWork] = useState<Work | null>(null);
  const run = async (input: Input<M>): Promise<Output<M>> => {
    let running = true;
    setWork({ method, startedAt: Date.now(), step: null, done: null, total: null });
    const follow = async () => {
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!running) return;
        try {
          const task = (await call('system.progress', {})).tasks.find((t) => t.method === method);
          if (running && task)
            setWork((w) => w && { ...w, step: task.step, done: task.done, total: task.total });
        } catch {
          // The progress is only shown: the call itself says how it ended.
        }
      }
    };
    void follow();
    try {
      const value = await call(method, input);
      if (refresh) await client.invalidateQueries();
      return value;
    } finally {
      running = false;
      setWork(null);
    }
  };
  return { run, work, pending: work !== null };
}
