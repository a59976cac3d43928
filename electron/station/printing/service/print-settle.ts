/**
 * Waits for a just-queued print job to settle from the caller's point of view: printed, or waiting
 * for the printer (and why). A label that waits is not lost: the queue keeps sending it.
 */
import { PENDING_STATES, type PrintJob, type PrintQueue } from '../queue';

export type PrintSettlement =
  { state: 'done'; job: PrintJob } | { state: 'waiting'; job: PrintJob; reason: string } | { state: 'cancelled'; job: PrintJob };

export function awaitPrintSettled(queue: PrintQueue, job: PrintJob, maxWaitMs: number): Promise<PrintSettlement> {
  return new Promise((resolve) => {
    let settled = false;
    const offs: Array<() => void> = [];
    const finish = (result: PrintSettlement): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const off of offs) off();
      resolve(result);
    };
    const current = (): PrintJob => queue.job(job.id) ?? job;
    offs.push(
      queue.on('job', (changed) => {
        if (changed.id !== job.id) return;
        if (changed.state === 'done') finish({ state: 'done', job: changed });
        else if (changed.state === 'cancelled') finish({ state: 'cancelled', job: changed });
        else if ((changed.state === 'retrying' || changed.state === 'held' || changed.state === 'queued') && changed.lastError) {
          finish({ state: 'waiting', job: changed, reason: changed.lastError });
        }
      }),
      queue.on('printer', (status) => {
        // An earlier label on this printer is stuck: this one waits behind it.
        if (status.printer === job.printer && status.state !== 'ok') finish({ state: 'waiting', job: current(), reason: status.message });
      }),
    );
    const timer = setTimeout(() => {
      const now = current();
      const reason =
        now.state === 'sending'
          ? 'The printer is slow to take the label; it is still being sent.'
          : 'Earlier labels are still printing on this printer.';
      finish({ state: 'waiting', job: now, reason });
    }, maxWaitMs);
    const now = current();
    if (now.state === 'done') finish({ state: 'done', job: now });
    else if (now.state === 'cancelled') finish({ state: 'cancelled', job: now });
    else {
      const printer = queue.printers().find((p) => p.printer === job.printer);
      const earlier = queue.jobs({ printer: job.printer, states: [...PENDING_STATES] }).some((j) => j.id < job.id);
      if (printer && printer.state !== 'ok' && earlier) finish({ state: 'waiting', job: now, reason: printer.message });
    }
  });
}
