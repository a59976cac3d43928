/**
 * The station's health figures, kept in memory as the providers room and the print queue report
 * them (through their recorder interfaces, wired by core): per provider the requests, failures,
 * latencies and rate-limit holds; per printer the labels finished, the faults and the time labels
 * were held. Memory is bounded whatever the number of events or how long the station runs:
 * - per provider 156 time slots (time-rings.ts), each 4 counters and 136 latency bins
 *   (≈ 86 KB per provider; at most the 4 providers);
 * - per printer 156 slots of 3 counters, at most MAX_PRINTERS printers (the least recently heard
 *   one is forgotten first).
 */
import type { PrinterWindow, ProviderWindow } from '../../../shared/domain/health';
import type { ProviderName } from '../../../shared/domain/providers';
import { LATENCY_BINS, latencyBin, quantileMs } from './latency-histogram';
import { TimeRings } from './time-rings';

/** The printers followed at once: a station has up to 8; addresses corrected in Settings leave old ones behind. */
export const MAX_PRINTERS = 16;

export type ExchangeOutcome = 'ok' | 'failed' | 'rate_limited' | 'cancelled';

/** The shape of the providers room's recorder (structural: this room imports only shared/). */
export interface ProviderEvents {
  exchange(event: { outcome: ExchangeOutcome; durationMs: number }): void;
  rateLimitHold(event: { heldMs: number }): void;
}

/** The shape of the printing room's recorder. */
export interface PrinterEvents {
  jobDone(printer: string): void;
  printerState(printer: string, state: 'ok' | 'held' | 'retrying'): void;
}

interface ProviderBucket {
  requests: number;
  failures: number;
  rateLimited: number;
  heldMs: number;
  latency: Uint32Array;
}

interface PrinterBucket {
  jobs: number;
  faults: number;
  heldMs: number;
}

interface PrinterSeries {
  rings: TimeRings<PrinterBucket>;
  holdingSince: number | null;
  heardAt: number;
}

export interface PrinterFigures {
  /** The address the queue knows the printer by. */
  printer: string;
  holdingSince: number | null;
  lastHour: PrinterWindow;
  lastDay: PrinterWindow;
}

export interface ProviderFigures {
  provider: ProviderName;
  lastHour: ProviderWindow;
  lastDay: ProviderWindow;
}

export class HealthMonitor {
  private readonly providers = new Map<ProviderName, TimeRings<ProviderBucket>>();
  private readonly printers = new Map<string, PrinterSeries>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  /** The recorder handed to one provider. */
  provider(name: ProviderName): ProviderEvents {
    return {
      exchange: ({ outcome, durationMs }) => {
        if (outcome === 'cancelled') return; // the station's own cancel says nothing about the provider
        this.providerRings(name).record(this.now(), (b) => {
          b.requests += 1;
          if (outcome === 'failed') b.failures += 1;
          b.latency[latencyBin(durationMs)]! += 1;
        });
        this.changed();
      },
      rateLimitHold: ({ heldMs }) => {
        this.providerRings(name).record(this.now(), (b) => {
          b.rateLimited += 1;
          b.heldMs += Math.max(0, heldMs);
        });
        this.changed();
      },
    };
  }

  /** The recorder handed to the print queue. */
  readonly printing: PrinterEvents = {
    jobDone: (printer) => {
      const t = this.now();
      this.printerSeries(printer, t).rings.record(t, (b) => (b.jobs += 1));
      this.changed();
    },
    printerState: (printer, state) => {
      const t = this.now();
      const series = this.printerSeries(printer, t);
      if (state !== 'ok' && series.holdingSince === null) {
        series.holdingSince = t;
        series.rings.record(t, (b) => (b.faults += 1));
      } else if (state === 'ok' && series.holdingSince !== null) {
        const held = t - series.holdingSince;
        series.holdingSince = null;
        series.rings.record(t, (b) => (b.heldMs += held));
      }
      this.changed();
    },
  };

  /** Called (synchronously) after every recorded event. */
  onRecord(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  providerFigures(): ProviderFigures[] {
    const t = this.now();
    return [...this.providers].map(([provider, rings]) => ({
      provider,
      lastHour: providerWindow(rings.lastHour(t)),
      lastDay: providerWindow(rings.lastDay(t)),
    }));
  }

  printerFigures(): PrinterFigures[] {
    const t = this.now();
    return [...this.printers].map(([printer, series]) => {
      // A hold still going on counts up to now (clipped to the window).
      const ongoing = (windowMs: number) => (series.holdingSince === null ? 0 : Math.min(t - series.holdingSince, windowMs));
      return {
        printer,
        holdingSince: series.holdingSince,
        lastHour: printerWindow(series.rings.lastHour(t), ongoing(60 * 60_000)),
        lastDay: printerWindow(series.rings.lastDay(t), ongoing(24 * 60 * 60_000)),
      };
    });
  }

  /** What the monitor holds, in counters: fixed per series, and the number of series is capped. */
  footprint(): { series: number; counters: number } {
    let counters = 0;
    for (const rings of this.providers.values()) counters += rings.buckets * (4 + LATENCY_BINS);
    for (const series of this.printers.values()) counters += series.rings.buckets * 3;
    return { series: this.providers.size + this.printers.size, counters };
  }

  private providerRings(name: ProviderName): TimeRings<ProviderBucket> {
    let rings = this.providers.get(name);
    if (!rings) {
      rings = new TimeRings<ProviderBucket>(
        () => ({ requests: 0, failures: 0, rateLimited: 0, heldMs: 0, latency: new Uint32Array(LATENCY_BINS) }),
        (b) => {
          b.requests = b.failures = b.rateLimited = b.heldMs = 0;
          b.latency.fill(0);
        },
      );
      this.providers.set(name, rings);
    }
    return rings;
  }

  private printerSeries(printer: string, t: number): PrinterSeries {
    let series = this.printers.get(printer);
    if (!series) {
      if (this.printers.size >= MAX_PRINTERS) {
        let oldest: string | undefined;
        for (const [address, s] of this.printers) if (!oldest || s.heardAt < this.printers.get(oldest)!.heardAt) oldest = address;
        this.printers.delete(oldest!);
      }
      series = {
        rings: new TimeRings<PrinterBucket>(
          () => ({ jobs: 0, faults: 0, heldMs: 0 }),
          (b) => (b.jobs = b.faults = b.heldMs = 0),
        ),
        holdingSince: null,
        heardAt: t,
      };
      this.printers.set(printer, series);
    }
    series.heardAt = t;
    return series;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function providerWindow(buckets: ProviderBucket[]): ProviderWindow {
  let requests = 0;
  let failures = 0;
  let rateLimited = 0;
  let heldMs = 0;
  for (const b of buckets) {
    requests += b.requests;
    failures += b.failures;
    rateLimited += b.rateLimited;
    heldMs += b.heldMs;
  }
  const latencies = buckets.map((b) => b.latency);
  return {
    requests,
    failures,
    failureRate: requests === 0 ? 0 : failures / requests,
    latencyP50Ms: quantileMs(latencies, 0.5),
    latencyP95Ms: quantileMs(latencies, 0.95),
    rateLimited,
    rateLimitHeldMs: heldMs,
  };
}

function printerWindow(buckets: PrinterBucket[], ongoingHeldMs: number): PrinterWindow {
  let jobs = 0;
  let faults = 0;
  let heldMs = ongoingHeldMs;
  for (const b of buckets) {
    jobs += b.jobs;
    faults += b.faults;
    heldMs += b.heldMs;
  }
  return { jobs, faults, heldMs };
}
