/**
 * The delivery loop: fans new label events out to their destinations, then sends what is due, per
 * destination in event order (one destination's outage never holds back another), each delivery
 * leased so two stations sharing a fleet database never send the same one at once. A failed try
 * waits with backoff and jitter; after maxAttempts it is set aside as "failed — needs attention",
 * kept, and sent again by "Retry now" in Settings. Each pass is bounded (events and deliveries).
 */
import type { DeliveryLog } from '../../../shared/domain/writeback';
import type { WritebackHealth } from '../../../shared/domain/health';
import { DEFAULT_OUTBOX_TIMING, retryDelayMs, type OutboxTiming } from './backoff';
import { deliveriesFor, exportFileDestination, SHOPIFY_DESTINATION, webhookDestination } from './destinations';
import { appendEventRow } from './export-file-delivery';
import type { DueDelivery, OutboxStore } from './outbox-store';
import { writeBackToShopify, type ShopifyAccess } from './shopify-fulfillment';
import { sendWebhook } from './webhook-delivery';
import type { WritebackConfig } from './writeback-config';

export interface OutboxDeps {
  /** Where the outbox lives: the station's SQLite, or a fleet's shared database. */
  store: OutboxStore;
  /** A fleet station's own SQLite copy, whose trigger-written events are cleared (the shared database's are sent). */
  copy?: OutboxStore;
  config: WritebackConfig;
  /** The Shopify store and token, when the Shopify order source is set up. */
  shopify: () => ShopifyAccess | undefined;
  /** Names this station in leases and the webhook's User-Agent. */
  stationId: string;
  userAgent: string;
  timing?: Partial<OutboxTiming>;
  now?: () => Date;
  log: (line: string) => void;
  fetch?: typeof fetch;
  random?: () => number;
}

const EVENTS_PER_PASS = 100;
const KEEP_DELIVERED_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60_000;

export class OutboxLoop {
  private readonly timing: OutboxTiming;
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastProblem = '';
  private prunedAt = 0;
  private attention: WritebackHealth | undefined;

  constructor(private readonly deps: OutboxDeps) {
    this.timing = { ...DEFAULT_OUTBOX_TIMING, ...deps.timing };
    this.now = deps.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.timing.everyMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now (or right after the one running): a label was just bought or printed. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.problem(`outbox: pass failed (${(error as Error).message})`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the pass under way; a delivery cut short keeps its lease only until it runs out. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass, for tests and `kick`: fan out new events, then send what is due. */
  async pass(): Promise<void> {
    await this.deps.copy?.clearCopy();
    const config = this.deps.config.current();
    const shopify = this.deps.shopify();
    const store = shopify ? storeHost(shopify.storeUrl) : undefined;
    for (const event of await this.deps.store.newEvents(EVENTS_PER_PASS)) {
      await this.deps.store.fanOut(event, deliveriesFor(event, config, store, this.deps.stationId), this.now());
    }
    const destinations = config.webhooks.filter((w) => w.enabled && this.deps.config.secret(w.id)).map((w) => webhookDestination(w.url));
    if (shopify) destinations.push(SHOPIFY_DESTINATION);
    if (config.exportFile.path) destinations.push(exportFileDestination(this.deps.stationId));
    const due = await this.deps.store.due(destinations, this.now(), this.timing.perPass);
    const byDestination = new Map<string, DueDelivery[]>();
    for (const delivery of due) byDestination.set(delivery.destination, [...(byDestination.get(delivery.destination) ?? []), delivery]);
    await Promise.all([...byDestination.values()].map((list) => this.sendInOrder(list)));
    this.lastProblem = '';
    this.attention = await this.deps.store.attention();
    if (this.now().getTime() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = this.now().getTime();
      await this.deps.store.prune(new Date(this.now().getTime() - KEEP_DELIVERED_DAYS * 86_400_000));
    }
  }

  /** As of the last pass: deliveries set aside and the oldest still waiting (the Health light). */
  health(): WritebackHealth | undefined {
    return this.attention;
  }

  log(limit: number): Promise<DeliveryLog> {
    return this.deps.store.log(limit);
  }

  async retryNow(id: number): Promise<boolean> {
    const done = await this.deps.store.retryNow(id, this.now());
    if (done) this.kick();
    return done;
  }

  /** A webhook was removed (or its address changed): its waiting deliveries are set aside, not left waiting forever. */
  async webhookGone(url: string): Promise<void> {
    if (this.deps.config.current().webhooks.some((w) => webhookDestination(w.url) === webhookDestination(url))) return;
    const count = await this.deps.store.setAside(webhookDestination(url), 'The webhook was removed from Settings.', this.now());
    if (count > 0) this.deps.log(`outbox: ${count} waiting webhook deliveries set aside (webhook removed)`);
  }

  /** One destination's deliveries, one after another: the first that fails holds back the rest. */
  private async sendInOrder(list: DueDelivery[]): Promise<void> {
    for (const delivery of list) {
      if (this.stopped) return;
      if (!(await this.deps.store.lease(delivery.id, this.deps.stationId, this.now(), this.timing.leaseMs))) return;
      if (!(await this.send(delivery))) return;
    }
  }

  private async send(delivery: DueDelivery): Promise<boolean> {
    const { event } = delivery;
    const attempts = delivery.attempts + 1;
    const what = `${event.type} of order ${event.orderId}`;
    try {
      const note = await this.deliver(delivery);
      await this.deps.store.delivered(delivery.id, attempts, note, this.now());
      this.deps.log(`outbox: ${what} delivered to ${this.destinationName(delivery)} (attempt ${attempts})`);
      return true;
    } catch (error) {
      const message = (error as Error).message || 'failed';
      const giveUp = attempts >= this.timing.maxAttempts;
      const next = giveUp ? null : new Date(this.now().getTime() + retryDelayMs(attempts, this.timing, this.deps.random));
      await this.deps.store.notDelivered(delivery.id, attempts, message, next, this.now());
      this.deps.log(
        `outbox: ${what} not delivered to ${this.destinationName(delivery)} (attempt ${attempts}: ${message}); ${
          next ? `next try at ${next.toISOString()}` : 'failed — needs attention (Settings → Write-back, Retry now)'
        }`,
      );
      return false;
    }
  }

  private async deliver(delivery: DueDelivery): Promise<string> {
    const options = { timeoutMs: this.timing.requestTimeoutMs, ...(this.deps.fetch && { fetch: this.deps.fetch }) };
    if (delivery.destination === SHOPIFY_DESTINATION) {
      const shopify = this.deps.shopify();
      if (!shopify) throw new Error('Shopify is no longer set up on this station');
      return (await writeBackToShopify(shopify, delivery.event, options)).note;
    }
    if (delivery.destination === exportFileDestination(this.deps.stationId)) {
      const file = this.deps.config.current().exportFile.path;
      if (!file) throw new Error('the export file is no longer set up on this station');
      await appendEventRow(file, delivery.event);
      return '';
    }
    const webhook = this.webhookOf(delivery.destination);
    const secret = webhook && this.deps.config.secret(webhook.id);
    if (!webhook || !secret) throw new Error('this webhook is no longer set up on this station');
    await sendWebhook({ url: webhook.url, secret }, delivery.event, { ...options, now: this.now, userAgent: this.deps.userAgent });
    return '';
  }

  private destinationName(delivery: DueDelivery): string {
    if (delivery.destination === SHOPIFY_DESTINATION) return 'Shopify';
    if (delivery.destination === exportFileDestination(this.deps.stationId)) return 'the export file';
    return this.webhookOf(delivery.destination)?.name ?? delivery.destination;
  }

  private webhookOf(destination: string) {
    return this.deps.config.current().webhooks.find((w) => w.enabled && webhookDestination(w.url) === destination);
  }

  /** Logged once until the next pass that works (a fleet database away would otherwise log every pass). */
  private problem(line: string): void {
    if (line !== this.lastProblem) this.deps.log(line);
    this.lastProblem = line;
  }
}

function storeHost(url: string): string {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).host;
  } catch {
    return url;
  }
}
