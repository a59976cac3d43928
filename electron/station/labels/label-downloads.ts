/**
 * Label file downloads in progress, one per label (issue 13): a scan waits for its file up to an
 * overall deadline and then answers "bought, file pending" while the download goes on; a reprint or
 * a Print of the same label waits for that same download instead of starting another; and whoever
 * gave up waiting leaves one job for the file's arrival (print it), run once.
 */
import { StationError } from '../../../shared/errors';

interface Pending {
  done: Promise<unknown>;
  /** What to do with the file once it is here (print the label); the last one registered wins. */
  onArrival?: () => Promise<void>;
  /** What to do when the download finally fails (mark the label not printed). */
  onFailure?: (error: unknown) => Promise<void>;
}

export class LabelDownloads {
  private readonly pending = new Map<string, Pending>();
  /** Labels being adopted: bought in the history, their file not asked for yet (see `reserve`). */
  private readonly reserved = new Map<string, number>();

  constructor(
    private readonly log: (line: string) => void = () => {},
    /** After a download ended and its arrival or failure was handled. */
    private readonly settled: () => void = () => {},
  ) {}

  /** The download of this label's file: the one already running, else `start()`. */
  share<T>(labelId: string, start: () => Promise<T>): Promise<T> {
    const running = this.pending.get(labelId);
    if (running) return running.done as Promise<T>;
    const entry: Pending = { done: Promise.resolve() };
    const done = start().then(
      async (value) => {
        this.pending.delete(labelId);
        await this.run(labelId, entry.onArrival);
        this.settled();
        return value;
      },
      async (error: unknown) => {
        this.pending.delete(labelId);
        if (entry.onFailure) await this.run(labelId, () => entry.onFailure!(error));
        this.settled();
        throw error;
      },
    );
    entry.done = done;
    // Nobody may be waiting any more (the scan answered): a failure is handled by onFailure.
    done.catch(() => undefined);
    this.pending.set(labelId, entry);
    return done;
  }

  isPending(labelId: string): boolean {
    return this.pending.has(labelId) || this.reserved.has(labelId);
  }

  /**
   * Counts the label as downloading from before it is recorded as bought until the returned release:
   * between the two, "bought but never printed" would list it and then hide it again once its file
   * download started.
   */
  reserve(labelId: string): () => void {
    this.reserved.set(labelId, (this.reserved.get(labelId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.reserved.get(labelId) ?? 1) - 1;
      if (left > 0) this.reserved.set(labelId, left);
      else this.reserved.delete(labelId);
    };
  }

  /** Whoever waits now takes over: nothing is printed on arrival unless registered again. */
  takeOver(labelId: string): void {
    const entry = this.pending.get(labelId);
    if (entry) {
      delete entry.onArrival;
      delete entry.onFailure;
    }
  }

  /** Prints (or whatever `onArrival` does) when the file arrives; `onFailure` when it never does. */
  whenArrived(labelId: string, onArrival: () => Promise<void>, onFailure: (error: unknown) => Promise<void>): void {
    const entry = this.pending.get(labelId);
    if (!entry) return;
    entry.onArrival = onArrival;
    entry.onFailure = onFailure;
  }

  private async run(labelId: string, action: (() => Promise<void>) | undefined): Promise<void> {
    if (!action) return;
    try {
      await action();
    } catch (error) {
      this.log(`label ${labelId}: after its file download: ${(error as Error).message}`);
    }
  }
}

/** Waits for `work` up to `ms`; then rejects with `onTimeout()` while `work` goes on. */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref?.();
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

export function filePendingError(orderId: string, seconds: number): StationError {
  return new StationError(
    'label_file_pending',
    `Label bought and saved for order ${orderId}; its file is still downloading after ${seconds} s. It prints by itself when the file arrives.`,
    'Set the parcel aside or wait: do not scan the order again and do not reprint it.',
  );
}
