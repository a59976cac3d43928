/**
 * The station's scale: opens the configured device, turns what it says into readings, publishes a
 * reading whenever it changes, and reconnects after an unplug with a bounded backoff. A device never
 * crashes the station: every failure becomes a state the Scan screen shows.
 */
import { SCALE_STATE_WORDS, type ScaleDevice, type ScaleReading, type ScaleState, type ScaleWeight } from '../../../../shared/domain/scale';
import { openLink, type LinkHandlers, type LinkTiming, type OpenLink, type ScaleLink } from './links';
import type { ScaleSample } from './sample';

export interface ScaleTiming extends LinkTiming {
  /** First wait before reconnecting; doubled after each failure up to retryMaxMs. */
  retryMinMs: number;
  retryMaxMs: number;
}

export const DEFAULT_SCALE_TIMING: ScaleTiming = { pollMs: 200, answerTimeoutMs: 1500, retryMinMs: 500, retryMaxMs: 5000 };

export interface ScaleServiceOptions {
  device: () => ScaleDevice;
  emit: (reading: ScaleReading) => void;
  log: (line: string) => void;
  timing?: Partial<ScaleTiming>;
  /** The device opener (tests may replace it); serialport / node-hid by default. */
  open?: OpenLink;
  now?: () => Date;
}

export class ScaleService {
  private readonly timing: ScaleTiming;
  private readonly open: OpenLink;
  private readonly now: () => Date;
  private reading: ScaleReading;
  private key = '';
  private generation = 0;
  private link: ScaleLink | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: ScaleServiceOptions) {
    this.timing = { ...DEFAULT_SCALE_TIMING, ...options.timing };
    this.open = options.open ?? openLink;
    this.now = options.now ?? (() => new Date());
    this.reading = this.make('off', null);
  }

  current(): ScaleReading {
    return this.reading;
  }

  /** Opens the configured device, or another one after the settings changed (nothing if unchanged). */
  follow(): void {
    if (this.stopped) return;
    const device = this.options.device();
    const key = JSON.stringify(device);
    if (key === this.key) return;
    this.key = key;
    void this.restart(device);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.retry);
    await this.closeLink();
  }

  /**
   * One reading from a device typed in Settings but not saved: the live reading when it is the
   * configured one, else the first thing the device says within `waitMs`.
   */
  async testDevice(device: ScaleDevice, waitMs = 3000): Promise<ScaleReading> {
    if (device.kind === 'none') return this.make('off', null);
    if (JSON.stringify(device) === this.key) return this.reading;
    let link: ScaleLink | undefined;
    try {
      const first = await new Promise<ScaleReading>((resolve, reject) => {
        const timer = setTimeout(() => resolve(this.make('no_answer', null)), waitMs);
        const done = (reading: ScaleReading) => (clearTimeout(timer), resolve(reading));
        this.open(
          device,
          {
            sample: (s) => done(this.fromSample(s)),
            silent: () => done(this.make('no_answer', null)),
            closed: () => done(this.make('not_connected', null)),
          },
          this.timing,
        ).then(
          (opened) => (link = opened),
          (error: unknown) => (clearTimeout(timer), reject(error as Error)),
        );
      });
      return first;
    } catch (error) {
      this.options.log(`scale test: ${device.kind} device not opened: ${(error as Error).message}`);
      return this.make('not_connected', null, openFailureWords(device, error as Error));
    } finally {
      await link?.close();
    }
  }

  private async restart(device: ScaleDevice): Promise<void> {
    const generation = ++this.generation;
    clearTimeout(this.retry);
    this.failures = 0;
    await this.closeLink();
    if (generation !== this.generation) return;
    if (device.kind === 'none') return this.set(this.make('off', null));
    this.set(this.make('connecting', null));
    await this.connect(device, generation);
  }

  private async connect(device: Exclude<ScaleDevice, { kind: 'none' }>, generation: number): Promise<void> {
    try {
      const link = await this.open(device, this.handlers(device, generation), this.timing);
      if (generation !== this.generation) return void (await link.close());
      this.link = link;
      this.options.log(`scale: ${describe(device)} open`);
    } catch (error) {
      if (generation !== this.generation) return;
      if (this.failures === 0) this.options.log(`scale: ${describe(device)} not opened: ${(error as Error).message}`);
      this.set(this.make('not_connected', null, openFailureWords(device, error as Error)));
      this.reconnectLater(device, generation);
    }
  }

  private handlers(device: Exclude<ScaleDevice, { kind: 'none' }>, generation: number): LinkHandlers {
    const live = () => generation === this.generation;
    return {
      sample: (sample) => {
        if (!live()) return;
        this.failures = 0;
        if (sample.detail) this.options.log(`scale: ${sample.detail}`);
        this.set(this.fromSample(sample));
      },
      silent: () => live() && this.set(this.make('no_answer', null)),
      closed: (error) => {
        if (!live()) return;
        this.link = undefined;
        this.options.log(`scale: ${describe(device)} closed${error ? `: ${error.message}` : ''}`);
        this.set(this.make('not_connected', null));
        this.reconnectLater(device, generation);
      },
    };
  }

  private reconnectLater(device: Exclude<ScaleDevice, { kind: 'none' }>, generation: number): void {
    const wait = Math.min(this.timing.retryMaxMs, this.timing.retryMinMs * 2 ** Math.min(this.failures, 16));
    this.failures++;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => generation === this.generation && void this.connect(device, generation), wait);
    this.retry.unref?.();
  }

  private async closeLink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close().catch((error: unknown) => this.options.log(`scale: close failed: ${(error as Error).message}`));
  }

  private fromSample(sample: ScaleSample): ScaleReading {
    return this.make(sample.state, sample.weight);
  }

  private make(state: ScaleState, weight: ScaleWeight | null, message = SCALE_STATE_WORDS[state]): ScaleReading {
    return { state, stable: state === 'stable' || state === 'zero', weight, message, at: this.now().toISOString() };
  }

  /** Publishes a reading that differs from the last one (same state and weight: only its time is kept). */
  private set(reading: ScaleReading): void {
    const before = this.reading;
    this.reading = reading;
    if (before.state === reading.state && before.message === reading.message && sameWeight(before.weight, reading.weight)) return;
    this.options.emit(reading);
  }
}

function sameWeight(a: ScaleWeight | null, b: ScaleWeight | null): boolean {
  return a === b || (a !== null && b !== null && a.value === b.value && a.unit === b.unit);
}

function describe(device: Exclude<ScaleDevice, { kind: 'none' }>): string {
  return device.kind === 'serial'
    ? `serial ${device.path} (${device.protocol}, ${device.baudRate} baud)`
    : `USB ${device.vendorId.toString(16)}:${device.productId.toString(16)}`;
}

/** What a worker can do about a device that would not open. */
function openFailureWords(device: Exclude<ScaleDevice, { kind: 'none' }>, error: Error): string {
  const text = error.message.toLowerCase();
  const where = device.kind === 'serial' ? device.path : 'the USB scale';
  if (/permission|access denied|eacces/.test(text))
    return `Scale not connected — this computer does not allow the station to open ${where} (ask IT for access to the port)`;
  if (/busy|in use|lock/.test(text)) return `Scale not connected — ${where} is in use by another program`;
  return SCALE_STATE_WORDS.not_connected;
}
