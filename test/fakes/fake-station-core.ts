/**
 * An in-memory StationCore with believable data, for the browser shell tests, e2e specs and
 * screenshots. It follows the contract (jobProgress events, outcomes, write-only API key) but buys
 * and prints nothing. The real core is electron/station/index.ts.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import bwipjs from 'bwip-js/node';
import type { EventName, EventPayload, StationHandlers } from '../../shared/contract';
import { StationError } from '../../shared/rpc';
import { resolveScan } from '../../shared/scan';
import type { LabelDetail, LabelRecord, PrintAttempt, PublicSettings, Settings } from '../../shared/schemas';
import type { StationCore } from '../../electron/station/core-types';

/** Scans that lead to each outcome on a fresh fake core. */
export const FAKE_SCANS = {
  /** A new order: bought and printed. */
  fresh: '576900000000000101',
  /** Printed earlier (newest seeded label): already_labelled. */
  alreadyLabelled: '576811122233344401',
  /** Bought, then the printer fails: print_failed. */
  printFails: '576900000000000404',
  /** The provider refuses: failed, nothing bought. */
  refused: '577900000000000422',
  /** 18 digits but not 576/577: printed with a warning. */
  warning: '123456789012345678',
  /** A Shopify order number: failed before anything is bought. */
  shopify: '#1001',
} as const;

export const SEEDED_TRACKING = '9400111206213859400000';

export interface FakeStationOptions {
  /** Delay between job steps (ms). */
  stepDelayMs?: number;
  lockedByEnv?: PublicSettings['lockedByEnv'];
  provider?: Settings['provider'];
  seedCount?: number;
}

export interface FakeStationCore extends StationCore {
  /** Every handler call, in order, with the input it received. */
  calls: Array<{ method: string; input: unknown }>;
  setPrinterOnline(online: boolean): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

const OPERATORS = ['Maria', 'Dev', 'Sam', 'Ana'];
const MINUTE = 60_000;

export function createFakeStationCore(options: FakeStationOptions = {}): FakeStationCore {
  const stepDelayMs = options.stepDelayMs ?? 250;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: FakeStationCore['calls'] = [];
  const attempts: PrintAttempt[] = [];
  const previews = new Map<string, string>();
  let printerOnline = true;
  let apiKey: string | undefined;
  let jobCounter = 0;
  let attemptCounter = 0;
  let busy = false;
  let settings: Settings = {
    provider: options.provider ?? 'sandbox',
    aftership: { baseUrl: 'https://api.aftership.com' },
    printer: { address: 'tcp://192.168.1.50:9100', dpi: 203 },
    defaultParcel: {
      dimension: { width: 8, height: 6, depth: 4, unit: 'in' },
      weight: { value: 1.2, unit: 'lb' },
    },
    operator: 'Maria',
    sandbox: { latencyMs: 400 },
  };
  const lockedByEnv = options.lockedByEnv ?? [];
  const labels: LabelRecord[] = seedLabels(options.seedCount ?? 40, Date.now());
  for (const label of labels) {
    for (let i = 0; i < label.printCount; i++) {
      attempts.push(attempt(label, label.printer, i > 0, true, null, label.updatedAt));
    }
    if (label.status === 'print_failed') {
      attempts.push(attempt(label, label.printer, false, false, 'Printer did not answer (out of paper or head open).', label.updatedAt));
    }
  }

  function attempt(label: LabelRecord, printer: string, reprint: boolean, ok: boolean, error: string | null, at = new Date().toISOString()): PrintAttempt {
    return { id: ++attemptCounter, labelId: label.id, at, printer, ok, reprint, bytes: ok ? 18_432 : 0, error };
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  async function step(jobId: string, stepName: EventPayload<'jobProgress'>['step'], message: string, orderId?: string) {
    emit('jobProgress', { jobId, step: stepName, message, ...(orderId ? { orderId } : {}) });
    if (stepDelayMs > 0 && stepName !== 'done' && stepName !== 'failed') await sleep(stepDelayMs);
  }

  function findLabel(labelId: string): LabelRecord {
    const label = labels.find((l) => l.id === labelId);
    if (!label) throw new StationError('not_found', 'That label is not in the history.', 'Search History for the order ID.');
    return label;
  }

  function publicSettings(): PublicSettings {
    return { ...structuredClone(settings), apiKeySet: apiKey !== undefined, lockedByEnv };
  }

  function isLocked(field: string): string | undefined {
    return lockedByEnv.find((l) => field === l.field || field.startsWith(`${l.field}.`))?.variable;
  }

  function providerTitle(): string {
    return settings.provider === 'sandbox' ? 'Sandbox (test labels)' : 'AfterShip Shipping API';
  }

  const handlers: StationHandlers = {
    async getStationInfo() {
      return {
        version: '0.1.0',
        provider: settings.provider,
        providerTitle: providerTitle(),
        sandbox: settings.provider === 'sandbox',
        printer: settings.printer.address,
        dataDir: '/home/packer/.station-data',
        shell: 'web',
      };
    },

    async submitScan({ scan }) {
      if (busy) {
        throw new StationError('busy', 'The station is still working on the previous label.', 'Wait for the current label, then scan again.');
      }
      busy = true;
      const jobId = `job-${++jobCounter}`;
      try {
        await step(jobId, 'resolving', 'Reading the scan…');
        const resolved = resolveScan(scan);
        if (resolved.kind === 'rejected') {
          await step(jobId, 'failed', resolved.message);
          return { outcome: 'failed', jobId, problem: { code: resolved.code, message: resolved.message, nextStep: resolved.nextStep } };
        }
        const orderId = resolved.orderId;
        const existing = labels.find((l) => l.orderId === orderId && ['bought', 'printed', 'print_failed'].includes(l.status));
        if (existing) {
          await step(jobId, 'done', 'This order already has a label.', orderId);
          return {
            outcome: 'already_labelled',
            jobId,
            label: existing,
            message: `Order ${orderId} already has a label (${existing.trackingNumbers[0] ?? 'no tracking'}); nothing was bought.`,
          };
        }
        const sandbox = settings.provider === 'sandbox';
        await step(jobId, 'buying', `Buying the label from ${sandbox ? 'the SANDBOX' : 'AfterShip'}…`, orderId);
        if (orderId === FAKE_SCANS.refused) {
          const problem = {
            code: 'provider_refused',
            message: `TikTok Shop says order ${orderId} is cancelled, so no label can be bought.`,
            nextStep: 'Put the parcel aside and tell a supervisor; do not ship it.',
          };
          await step(jobId, 'failed', problem.message, orderId);
          return { outcome: 'failed', jobId, problem };
        }
        const now = new Date().toISOString();
        const label: LabelRecord = {
          id: `lbl_${String(labels.length + 1).padStart(5, '0')}`,
          orderId,
          provider: settings.provider,
          sandbox,
          providerLabelId: `pl_${orderId.slice(-6)}`,
          trackingNumbers: [`94001112062138${orderId.slice(-8)}`],
          cost: { amount: 5.42, currency: 'USD' },
          status: 'bought',
          createdAt: now,
          updatedAt: now,
          operator: settings.operator || 'Station',
          printer: settings.printer.address,
          format: 'pdf',
          filePath: `/home/packer/.station-data/labels/${orderId}.pdf`,
          error: null,
          printCount: 0,
        };
        labels.unshift(label);
        await step(jobId, 'printing', `Printing on ${settings.printer.address}…`, orderId);
        if (!printerOnline || orderId === FAKE_SCANS.printFails) {
          const message = `The printer at ${settings.printer.address} did not answer: it may be out of labels or its head is open.`;
          label.status = 'print_failed';
          label.error = message;
          attempts.push(attempt(label, label.printer, false, false, message));
          await step(jobId, 'failed', message, orderId);
          return {
            outcome: 'print_failed',
            jobId,
            label,
            problem: { code: 'printer_unreachable', message, nextStep: 'Check the printer has labels and the lid is closed, then press Reprint.' },
          };
        }
        label.status = 'printed';
        label.printCount = 1;
        attempts.push(attempt(label, label.printer, false, true, null));
        await step(jobId, 'done', 'Label printed.', orderId);
        return resolved.warning ? { outcome: 'printed', jobId, label, warning: resolved.warning } : { outcome: 'printed', jobId, label };
      } finally {
        busy = false;
      }
    },

    async reprintLabel({ labelId }) {
      const label = findLabel(labelId);
      if (!label.filePath) {
        throw new StationError('no_label', 'No label was bought for this order, so there is nothing to reprint.', 'Scan the order again to buy its label.');
      }
      if (!printerOnline) {
        const message = `The printer at ${settings.printer.address} did not answer.`;
        attempts.push(attempt(label, settings.printer.address, true, false, message));
        return { ok: false, printer: settings.printer.address, bytes: 0, problem: { code: 'printer_unreachable', message, nextStep: 'Check the printer is on, has labels and the lid is closed, then try again.' } };
      }
      label.printCount += 1;
      label.status = 'printed';
      label.error = null;
      label.updatedAt = new Date().toISOString();
      attempts.push(attempt(label, settings.printer.address, true, true, null));
      return { ok: true, printer: settings.printer.address, bytes: 18_432 };
    },

    async searchHistory({ query, limit, offset }) {
      const q = query.trim().toLowerCase();
      const matches = labels.filter(
        (l) => q === '' || l.orderId.includes(q) || l.trackingNumbers.some((t) => t.toLowerCase().includes(q)),
      );
      return { labels: matches.slice(offset, offset + limit), total: matches.length };
    },

    async getLabel({ labelId }) {
      const label = findLabel(labelId);
      const detail: LabelDetail = { ...label, printAttempts: attempts.filter((a) => a.labelId === labelId).reverse() };
      return detail;
    },

    async getLabelPreview({ labelId }) {
      const label = findLabel(labelId);
      if (!label.filePath) {
        throw new StationError('no_label', 'There is no label to preview for this order.', 'Scan the order again to buy its label.');
      }
      let png = previews.get(labelId);
      if (!png) {
        png = await drawLabel(label);
        previews.set(labelId, png);
      }
      return { pngBase64: png, widthDots: 812, heightDots: 1218 };
    },

    async getSettings() {
      return publicSettings();
    },

    async updateSettings(patch) {
      for (const [section, value] of Object.entries(patch)) {
        const fields = value && typeof value === 'object' ? Object.keys(value).map((k) => `${section}.${k}`) : [section];
        for (const field of fields) {
          const variable = isLocked(field);
          const current = getPath(settings, field);
          if (variable && JSON.stringify(current) !== JSON.stringify(getPath(patch, field))) {
            throw new StationError('locked_by_env', `${field} is set by ${variable} and cannot be changed here.`, `Change ${variable} where the station is started, then restart it.`);
          }
        }
      }
      if (patch.provider === 'aftership' && apiKey === undefined) {
        throw new StationError('invalid_input', 'AfterShip needs an API key before it can buy labels.', 'Enter the AfterShip API key, save it, then choose AfterShip again.');
      }
      settings = {
        provider: patch.provider ?? settings.provider,
        aftership: { ...settings.aftership, ...patch.aftership },
        printer: { ...settings.printer, ...patch.printer },
        defaultParcel: { ...settings.defaultParcel, ...patch.defaultParcel },
        operator: patch.operator ?? settings.operator,
        sandbox: { ...settings.sandbox, ...patch.sandbox },
      };
      return publicSettings();
    },

    async setApiKey({ apiKey: key }) {
      const variable = isLocked('apiKey');
      if (variable) throw new StationError('locked_by_env', `The API key is set by ${variable}.`, `Change ${variable} where the station is started.`);
      apiKey = key;
      return publicSettings();
    },

    async clearApiKey() {
      if (settings.provider === 'aftership') {
        throw new StationError('invalid_input', 'AfterShip is the active provider, so its key cannot be removed.', 'Switch the provider to Sandbox first, save, then remove the key.');
      }
      apiKey = undefined;
      return publicSettings();
    },

    async testPrint({ address, dpi }) {
      const printer = address ?? settings.printer.address;
      if (!printerOnline) {
        return { ok: false, printer, bytes: 0, problem: { code: 'printer_unreachable', message: `The printer at ${printer} did not answer within 3 seconds.`, nextStep: 'Check the printer is on and connected, and that the address is right.' } };
      }
      return { ok: true, printer, bytes: (dpi ?? settings.printer.dpi) === 300 ? 2_240 : 1_712 };
    },
  };

  // Record each call the core receives, so tests can prove what did (not) reach it.
  const recorded = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (input: unknown) => {
        calls.push({ method, input });
        return (handler as (i: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as StationHandlers;

  return {
    handlers: recorded,
    calls,
    events: {
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener as (payload: never) => void);
        listeners.set(event, set);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
    emit,
    setPrinterOnline(online) {
      printerOnline = online;
    },
    async close() {
      listeners.clear();
    },
  };
}

function seedLabels(count: number, now: number): LabelRecord[] {
  const labels: LabelRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(now - (i * 37 + 12) * MINUTE).toISOString();
    const orderId = `5768111222333444${String(i + 1).padStart(2, '0')}`;
    const status: LabelRecord['status'] =
      i === 3 ? 'print_failed' : i === 7 ? 'failed' : i === 11 ? 'unknown' : i === 15 ? 'bought' : 'printed';
    const hasLabel = status !== 'failed' && status !== 'unknown';
    const sandbox = i % 5 !== 4;
    labels.push({
      id: `lbl_s${String(i + 1).padStart(4, '0')}`,
      orderId,
      provider: sandbox ? 'sandbox' : 'aftership',
      sandbox,
      providerLabelId: hasLabel ? `pl_${i + 1}` : null,
      trackingNumbers: hasLabel ? [i === 0 ? SEEDED_TRACKING : `94001112062138594${String(10_000 + i * 7919).slice(-5)}`] : [],
      cost: hasLabel ? { amount: 4.8 + (i % 4) * 0.35, currency: 'USD' } : null,
      status,
      createdAt: at,
      updatedAt: at,
      operator: OPERATORS[i % OPERATORS.length] ?? 'Maria',
      printer: 'tcp://192.168.1.50:9100',
      format: hasLabel ? 'pdf' : null,
      filePath: hasLabel ? `/home/packer/.station-data/labels/${orderId}.pdf` : null,
      error:
        status === 'failed'
          ? 'TikTok Shop says the order is cancelled.'
          : status === 'unknown'
            ? 'No answer from the provider; a label may exist.'
            : status === 'print_failed'
              ? 'Printer did not answer (out of paper or head open).'
              : null,
      printCount: status === 'printed' ? 1 + (i % 3 === 0 ? 1 : 0) : 0,
    });
  }
  return labels;
}

function getPath(obj: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), obj);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A 4x6 in label at 203 dpi, black on white like the printer's 1-bit bitmap. */
async function drawLabel(label: LabelRecord): Promise<string> {
  const width = 812;
  const height = 1218;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 6;
  ctx.strokeRect(10, 10, width - 20, height - 20);
  ctx.fillStyle = '#000';
  ctx.font = 'bold 44px sans-serif';
  ctx.fillText('USPS GROUND ADVANTAGE', 40, 80);
  ctx.fillRect(10, 110, width - 20, 6);
  ctx.font = '30px sans-serif';
  ['FROM: Sunrise Goods LLC', '1200 Harbor Blvd, Unit 4', 'Oakland CA 94607'].forEach((line, i) => ctx.fillText(line, 40, 160 + i * 38));
  ctx.font = 'bold 40px sans-serif';
  ['SHIP TO:', 'JORDAN LEE', '48 MAPLE AVE APT 2B', 'BROOKLYN NY 11215-3301'].forEach((line, i) => ctx.fillText(line, 80, 330 + i * 52));
  ctx.fillRect(10, 560, width - 20, 6);
  const tracking = label.trackingNumbers[0] ?? '';
  const barcode = await bwipjs.toBuffer({ bcid: 'code128', text: tracking, scale: 3, height: 22, includetext: false });
  const image = await loadImage(barcode);
  const bw = Math.min(width - 80, image.width);
  ctx.drawImage(image, (width - bw) / 2, 600, bw, 260);
  ctx.font = 'bold 34px sans-serif';
  ctx.fillText(`TRACKING # ${tracking.replace(/(\d{4})(?=\d)/g, '$1 ')}`, 40, 910);
  ctx.fillRect(10, 940, width - 20, 6);
  ctx.font = '28px sans-serif';
  ctx.fillText(`TikTok order ${label.orderId}`, 40, 995);
  if (label.sandbox) {
    ctx.fillRect(10, 1030, width - 20, 150);
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 54px sans-serif';
    ctx.fillText('SANDBOX — DO NOT SHIP', 40, 1130);
  }
  return canvas.toBuffer('image/png').toString('base64');
}
