/**
 * In the background, the station keeps asking the provider about purchases without a clear answer.
 * A label that turns up is adopted (and printed here when this station holds the parcel); only two
 * "none" answers after the checking window let the order be bought again; a provider that cannot
 * tell after the window leaves the purchase to a supervisor, and is still asked.
 */
import { isUncertain } from '../../../shared/domain/labels';
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import type { StoredLabel } from '../history';
import { askProvider } from './ask-provider';
import { checkingWindowOpen, DEFAULT_CHECK_EVERY_MS } from './checking-window';
import { ensureLabelFile, printStoredLabel } from './label-printing';
import type { ScanJobDeps } from './scan-job-deps';

/** "none" answers after the window needed before an order may be bought again. */
const NONES_TO_CONCLUDE = 2;

/** How far back each background pass looks for labels without their file (the start-up pass looks at all). */
const RECENT_FILES_MS = 24 * 60 * 60 * 1000;

export class LabelChecker {
  private readonly nonesAfterWindow = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly deps: ScanJobDeps,
    /** Called when a label was adopted or printed in the background (the unprinted list may have changed). */
    private readonly changed: () => void,
  ) {}

  /** The first pass (also securing files of labels bought just before a stop); resolves when it is done. */
  start(): Promise<void> {
    const first = this.run(async () => {
      await this.pass();
      await this.secureMissingFiles();
    });
    this.timer = setInterval(
      () =>
        void this.run(async () => {
          await this.pass();
          // A file whose download failed right after the purchase is fetched while the provider still
          // answers, so every station can print it offline; older ones are tried at each start.
          await this.secureMissingFiles(new Date(this.deps.now().getTime() - RECENT_FILES_MS).toISOString());
        }),
      this.deps.checks.everyMs ?? DEFAULT_CHECK_EVERY_MS,
    );
    this.timer.unref();
    return first;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass at a time: a slow provider never stacks passes up. */
  private run(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(() => (this.stopped ? undefined : work()));
    this.running = next.catch((error: unknown) => this.deps.log(`background label check failed: ${(error as Error).name}`));
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const label of await this.deps.history.listUncertain()) {
      if (this.stopped) return;
      if (this.deps.inFlight.has(label.orderId)) continue;
      const check = this.check(label);
      this.deps.backgroundChecks.set(label.orderId, check);
      try {
        await check;
      } finally {
        this.deps.backgroundChecks.delete(label.orderId);
      }
    }
  }

  private async check(label: StoredLabel): Promise<void> {
    const { history, log } = this.deps;
    label = (await history.get(label.id)) ?? label; // a scan may have settled it since the pass began
    if (!isUncertain(label.status)) return;
    const now = this.deps.now();
    const windowPassed = !checkingWindowOpen(label, now);
    if (label.status === 'buying') {
      if (!windowPassed) return; // being bought right now, by this station or another
      // Its station stopped mid-purchase and never came back to it.
      label = await history.markChecking(label.id, label.checkUntil ?? now.toISOString(), 'The purchase never got an answer.');
    }
    const title = PROVIDER_TITLES[label.provider];
    const answer = await askProvider(this.deps, label);
    if (answer.state === 'found') {
      this.nonesAfterWindow.delete(label.id);
      if (this.deps.printWhenFound.delete(label.id)) await this.printHere(answer.label);
      this.changed();
      return;
    }
    if (answer.state === 'none') {
      if (!windowPassed) return;
      const nones = (this.nonesAfterWindow.get(label.id) ?? 0) + 1;
      this.nonesAfterWindow.set(label.id, nones);
      if (nones < NONES_TO_CONCLUDE) return;
      this.nonesAfterWindow.delete(label.id);
      this.deps.printWhenFound.delete(label.id);
      await history.settlePurchase(
        label.id,
        'failed',
        `${title} confirmed after the checking window that it made no label: nothing was bought.`,
      );
      log(`label ${label.id} for order ${label.orderId}: ${title} confirms no label exists after the checking window`);
      this.changed();
      return;
    }
    this.nonesAfterWindow.delete(label.id);
    if ((windowPassed || answer.unsupported) && label.status !== 'unknown') {
      await history.settlePurchase(
        label.id,
        'unknown',
        `${title} could not confirm whether the label exists (${answer.reason}). A supervisor must check it.`,
      );
      log(`label ${label.id} for order ${label.orderId}: still uncertain after the checking window`);
      this.changed();
    }
  }

  /** The packer set the parcel aside at this station: the late label prints here, as its first print. */
  private async printHere(label: StoredLabel): Promise<void> {
    try {
      // Printed on behalf of whoever bought it and set the parcel aside.
      const printed = await printStoredLabel({ ...this.deps, operator: label.operator }, label, { reprint: false });
      this.deps.log(
        `label ${label.id} for order ${label.orderId}: turned up late and was sent to the printer (${printed.outcome.ok ? 'printed' : 'waiting'})`,
      );
      this.deps.events.emit('jobProgress', {
        jobId: `late-${label.id}`,
        step: 'done',
        orderId: label.orderId,
        message: `The label for order ${label.orderId} turned up late and was ${printed.outcome.ok ? 'printed' : 'sent to the print queue'}: put it on the parcel you set aside.`,
      });
    } catch (error) {
      this.deps.log(`label ${label.id}: adopted but not printed (${(error as Error).name}); the next scan of the order prints it`);
    }
  }

  private async secureMissingFiles(since?: string): Promise<void> {
    for (const label of await this.deps.history.listMissingFiles(since)) {
      if (this.stopped) return;
      await ensureLabelFile(this.deps, label).catch((error: unknown) =>
        this.deps.log(`label ${label.id}: file still not downloaded (${(error as Error).name})`),
      );
    }
  }
}
