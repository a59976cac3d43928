/**
 * An in-memory StationCore with believable data, for the browser shell tests, e2e specs and
 * screenshots. It follows the contract (jobProgress events, outcomes, write-only secrets, TikTok
 * authorization, uncertain labels and their checks, order lookup) for all four providers, but buys
 * and prints nothing. The real core is electron/station/index.ts.
 *
 * Not used by the e2e specs any more (they run on the real core, test/support/e2e-station.ts); still
 * used by the browser shell's transport tests (test/electron/web) and scripts/screenshot.ts.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import bwipjs from 'bwip-js/node';
import type { EventName, EventPayload, MethodOutput, StationHandlers, StationInfo } from '../../shared/contract';
import type { OrderDetails } from '../../shared/domain/orders';
import { StationError } from '../../shared/errors';
import { resolveScan, shopifyNumberRejection } from '../../shared/domain/scan';
import type {
  LabelDetail,
  LabelRecord,
  PrintAttempt,
  PrinterProfile,
  ProviderName,
  PublicSettings,
  SecretName,
  Settings,
  SettingsPatch,
} from '../../shared/schemas';
import type { Problem } from '../../shared/errors';
import { defaultPrinter, findPrinter } from '../../shared/domain/printers';
import type { PrintJobView, PrintQueueView } from '../../shared/domain/print-queue';
import type { StationCore } from '../../electron/station';
import { mergeSettings } from '../../electron/station/settings/merge-settings';

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
  /** A Shopify order number: failed unless an order source (Shopify or the WMS file) is set; then FAKE_ORDERS. */
  shopify: '#1001',
  /** The provider's answer is lost (the label was in fact made): failed 'purchase_unknown', the label left 'unknown'. */
  answerLost: '576900000000000504',
} as const;

/** Orders the fake order sources know, by Shopify order name. */
export const FAKE_ORDERS: Record<string, Omit<OrderDetails, 'source' | 'displayName'>> = {
  '#1001': {
    orderId: '576900000000001001',
    cancelled: false,
    status: 'AWAITING_SHIPMENT',
    lineItems: [
      { id: '577000000000100101', sku: 'MUG-BLK-12', name: 'Matte mug, black, 12 oz', quantity: 2 },
      { id: '577000000000100102', sku: 'COAST-4PK', name: 'Cork coasters, 4 pack', quantity: 1 },
    ],
  },
  '#1002': { orderId: '576900000000001002', cancelled: true, status: 'CANCELLED', lineItems: [] },
};

/**
 * Seeded labels whose purchase got no clear answer, and what "Ask the provider again" says for each:
 * found (the provider made it), none (the provider confirms none), unsupported (Shipium cannot be asked).
 */
export const UNCERTAIN_SEEDS = {
  found: '576811122233344405',
  none: '576811122233344410',
  unsupported: '576811122233344415',
} as const;

export const SEEDED_TRACKING = '9400111206213859400000';

export const PROVIDER_TITLES: Record<ProviderName, string> = {
  sandbox: 'Sandbox (test labels)',
  aftership: 'AfterShip Shipping API',
  tiktok: 'TikTok Shop (direct)',
  shipium: 'Shipium (TikTok Shop carrier)',
};

const CAPABILITIES: Record<ProviderName, StationInfo['capabilities']> = {
  sandbox: { tracking: true, void: false, lookup: true, slow: false },
  aftership: { tracking: true, void: false, lookup: true, slow: false },
  tiktok: { tracking: true, void: false, lookup: true, slow: false },
  shipium: { tracking: false, void: false, lookup: false, slow: true },
};

/** What the fake printer reports when asked (a tcp:// ZPL or ESC/POS printer; others cannot be asked). */
export type FakePrinterState = 'ready' | 'paper_out' | 'head_open' | 'no_answer';

export type FakeDiscoveredPrinter = MethodOutput<'discoverPrinters'>[number];

/** What "Find printers" lists on a fresh fake core: a CUPS queue and a USB printer. */
export const FAKE_DISCOVERED_PRINTERS: FakeDiscoveredPrinter[] = [
  {
    address: 'cups:Zebra_ZD421',
    name: 'Zebra ZD421 (packing table 2)',
    kind: 'cups',
    detail: 'usb://Zebra%20Technologies/ZTC%20ZD421-203dpi%20ZPL?serial=D4J222101234',
  },
  { address: 'cups:Office_Laser', name: 'Office Laser', kind: 'cups', detail: 'ipp://192.168.1.20/ipp/print' },
  { address: '/dev/usb/lp0', name: 'TSC TE210', kind: 'device', detail: 'USB printer on /dev/usb/lp0' },
];

/** The station's words for each fault (electron/station/printing/status/status-types.ts). */
const PRINTER_FAULTS: Record<Exclude<FakePrinterState, 'ready'>, (address: string) => { faults: string[]; message: string }> = {
  paper_out: () => ({ faults: ['paper_out'], message: 'The printer is out of labels: load a new roll and close the head.' }),
  head_open: () => ({ faults: ['head_open'], message: 'The print head is open: close it firmly until it clicks.' }),
  no_answer: (address) => ({
    faults: ['no_answer'],
    message: `The printer at ${address.replace(/^tcp:\/\//, '')} did not answer within 3 seconds. Check it is switched on and its network cable is in.`,
  }),
};

export interface FakeStationOptions {
  /** Delay between job steps (ms). */
  stepDelayMs?: number;
  /** How long a slow provider (Shipium) takes to answer a purchase (ms); 3000 by default. */
  slowBuyMs?: number;
  lockedByEnv?: PublicSettings['lockedByEnv'];
  provider?: Settings['provider'];
  /** Settings to start with, merged per section over the defaults. */
  settings?: SettingsPatch;
  /** Secrets already set at start (their values are made up). */
  secrets?: SecretName[];
  /** Start with TikTok Shop authorized. */
  tiktokAuthorized?: boolean;
  seedCount?: number;
  /** What the printer says when asked; 'ready' by default. */
  printerState?: FakePrinterState;
  /** What "Find printers" finds; FAKE_DISCOVERED_PRINTERS by default ([] for a computer with none). */
  discoveredPrinters?: FakeDiscoveredPrinter[];
}

export interface FakeTestPrint {
  printerId: string | null;
  address: string;
  dpi: number;
  ok: boolean;
}

export interface FakeStationCore extends StationCore {
  /** Every handler call, in order, with the input it received. */
  calls: Array<{ method: string; input: unknown }>;
  /** Every test print, in order: the saved printer it went to (null for an unsaved draft) and where. */
  testPrints: FakeTestPrint[];
  setPrinterOnline(online: boolean): void;
  /** What the printer reports from now on (and whether labels print: only when 'ready'). */
  setPrinterState(state: FakePrinterState): void;
  /**
   * The print queue's test control (like the real queue seeing a printer fault): while a printer
   * (the default one when no ID is given) has a fault, scans and reprints on it return 'queued' and
   * their jobs wait in getPrintQueue (the oldest 'held', or 'retrying' for 'no_answer'; the others
   * 'queued' behind it). 'ready' clears the fault: every waiting job prints (labels become printed,
   * print attempts recorded) and the `printQueue` event is pushed. A fault on the default printer
   * also sets what getPrinterStatus reports, as a real printer would.
   */
  setQueueFault(fault: FakePrinterState, printerId?: string): void;
  /** Every print job the fake queue made, finished ones included, oldest first. */
  printJobs: PrintJobView[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Secret values as the station would store them (tests check they never reach the page). */
  secretValues(): Partial<Record<SecretName, string>>;
}

const OPERATORS = ['Maria', 'Dev', 'Sam', 'Ana'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Which secret each provider needs before it can buy. */
const PROVIDER_SECRET: Partial<Record<ProviderName, SecretName>> = {
  aftership: 'aftershipApiKey',
  tiktok: 'tiktokAppSecret',
  shipium: 'shipiumApiKey',
};

const SECRET_TITLES: Record<SecretName, string> = {
  aftershipApiKey: 'The AfterShip API key',
  tiktokAppSecret: 'The TikTok app secret',
  shipiumApiKey: 'The Shipium API key',
  shopifyAdminToken: 'The Shopify admin token',
};

export function defaultFakeSettings(): Settings {
  return {
    provider: 'sandbox',
    aftership: { baseUrl: 'https://api.aftership.com/postmen/v3', shipperAccountId: '', serviceType: 'tiktok-shipping_standard_shipping' },
    tiktok: {
      apiBaseUrl: 'https://open-api.tiktokglobalshop.com',
      authBaseUrl: 'https://auth.tiktok-shops.com',
      appKey: '',
      shopCipher: '',
    },
    shipium: { baseUrl: 'https://api.shipium.com' },
    shopify: { storeUrl: '' },
    ordersFile: '',
    printers: {
      defaultId: 'label',
      list: [
        {
          id: 'label',
          name: 'Label printer',
          address: 'tcp://192.168.1.50:9100',
          dpi: 203,
          language: 'zpl',
          media: '4x6',
          statusCheck: true,
        },
      ],
    },
    defaultParcel: {
      dimension: { width: 8, height: 6, depth: 4, unit: 'in' },
      weight: { value: 1.2, unit: 'lb' },
    },
    operator: 'Maria',
    sandbox: { latencyMs: 400 },
  };
}

/** The station's own merge: `printers` replaces the list, `printer` patches the default printer; validated as a whole. */
function merge(settings: Settings, patch: SettingsPatch): Settings {
  return mergeSettings(settings, patch);
}

/** A locked field's value, as the real settings service reads it: `printer.x` is the default printer's x. */
function lockedFieldValue(settings: Settings, field: string): string {
  const [section, ...rest] = field.split('.');
  const root: unknown = section === 'printer' ? defaultPrinter(settings.printers) : (settings as Record<string, unknown>)[section!];
  return JSON.stringify(
    rest.reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), root),
  );
}

export function createFakeStationCore(options: FakeStationOptions = {}): FakeStationCore {
  const stepDelayMs = options.stepDelayMs ?? 250;
  const slowBuyMs = options.slowBuyMs ?? 3000;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: FakeStationCore['calls'] = [];
  const testPrints: FakeTestPrint[] = [];
  const attempts: PrintAttempt[] = [];
  const previews = new Map<string, string>();
  let printerOnline = true;
  let printerState: FakePrinterState = options.printerState ?? 'ready';
  const discovered = structuredClone(options.discoveredPrinters ?? FAKE_DISCOVERED_PRINTERS);
  const secrets: Partial<Record<SecretName, string>> = {};
  for (const name of options.secrets ?? []) secrets[name] = `preset-${name}-0123456789`;
  let jobCounter = 0;
  let attemptCounter = 0;
  let busy = false;
  let settings: Settings = merge(defaultFakeSettings(), {
    ...options.settings,
    ...(options.provider ? { provider: options.provider } : {}),
  });
  let authorization: PublicSettings['tiktokAuthorization'] = options.tiktokAuthorized
    ? { authorized: true, accessTokenExpiresAt: new Date(Date.now() + 6 * DAY).toISOString(), shopName: 'Sunrise Goods US' }
    : { authorized: false, accessTokenExpiresAt: null, shopName: null };
  /** The `state` of the authorization the seller is approving, if one was started. */
  let pendingState: string | undefined;
  const lockedByEnv = options.lockedByEnv ?? [];
  const labels: LabelRecord[] = seedLabels(options.seedCount ?? 40, Date.now());
  /** What the provider would answer to a recheck, per uncertain label. */
  const providerTruth = new Map<string, 'found' | 'none'>();
  for (const label of labels) {
    if (label.orderId === UNCERTAIN_SEEDS.found) providerTruth.set(label.id, 'found');
    if (label.orderId === UNCERTAIN_SEEDS.none) providerTruth.set(label.id, 'none');
    for (let i = 0; i < label.printCount; i++) {
      attempts.push(attempt(label, label.printer, i > 0, true, null, label.updatedAt));
    }
    if (label.status === 'print_failed') {
      attempts.push(attempt(label, label.printer, false, false, 'Printer did not answer (out of paper or head open).', label.updatedAt));
    }
  }

  function attempt(
    label: LabelRecord,
    printer: string,
    reprint: boolean,
    ok: boolean,
    error: string | null,
    at = new Date().toISOString(),
  ): PrintAttempt {
    return { id: ++attemptCounter, labelId: label.id, at, printer, ok, reprint, bytes: ok ? 18_432 : 0, error };
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  async function step(
    jobId: string,
    stepName: EventPayload<'jobProgress'>['step'],
    message: string,
    orderId?: string,
    delayMs = stepDelayMs,
  ) {
    emit('jobProgress', { jobId, step: stepName, message, ...(orderId ? { orderId } : {}) });
    if (delayMs > 0 && stepName !== 'done' && stepName !== 'failed') await sleep(delayMs);
  }

  function printerWorks(): boolean {
    return printerOnline && printerState === 'ready';
  }

  /** What a failed print says when the printer has a known fault. */
  function printerFaultMessage(address = defaultPrinter(settings.printers).address): string | undefined {
    const state: FakePrinterState = printerOnline ? printerState : 'no_answer';
    return state === 'ready' ? undefined : PRINTER_FAULTS[state](address).message;
  }

  /** A saved printer by ID (the default when none is given), as the real core picks it. */
  function savedPrinter(printerId: string | undefined): PrinterProfile {
    if (printerId === undefined) return defaultPrinter(settings.printers);
    const printer = findPrinter(settings.printers, printerId);
    if (!printer) {
      throw new StationError(
        'printer_not_found',
        "That printer is no longer in this station's printer list.",
        'Open Settings, check the printer list, then try again.',
      );
    }
    return printer;
  }

  // ---------- the print queue (helper B's part): labels wait here while a printer has a fault ----------
  const printJobs: PrintJobView[] = [];
  let printJobCounter = 0;
  /** Printers (by ID) whose fault the queue sees, set by setQueueFault. */
  const queueFaults = new Map<string, Exclude<FakePrinterState, 'ready'>>();
  const PENDING_JOB_STATES: ReadonlySet<PrintJobView['state']> = new Set(['queued', 'sending', 'retrying', 'held']);

  function pendingJobs(printerId?: string): PrintJobView[] {
    return printJobs.filter((j) => PENDING_JOB_STATES.has(j.state) && (printerId === undefined || j.printerId === printerId));
  }

  /** Why the queue cannot print on this printer now, in the station's words; undefined when it can. */
  function queueFaultMessage(printer: { id: string; address: string }): string | undefined {
    const fault = queueFaults.get(printer.id);
    return fault && PRINTER_FAULTS[fault](printer.address).message;
  }

  /**
   * Like the station's view: printers with waiting jobs, and the unfinished jobs oldest first. As in
   * the station, a fault the queue has not met (no label waiting) is not in the view: the polled
   * printer status shows it.
   */
  function printQueueView(): PrintQueueView {
    const ids = new Set(pendingJobs().map((j) => j.printerId ?? j.address));
    const printers = [...ids].map((id) => {
      const jobs = pendingJobs(id);
      const profile = findPrinter(settings.printers, id) ?? { id, name: jobs[0]?.printerName ?? id, address: jobs[0]?.address ?? id };
      const fault = queueFaults.get(id);
      const reason = queueFaultMessage(profile);
      const waiting = jobs.length;
      const words = waiting === 1 ? '1 label waits in the queue' : `${waiting} labels wait in the queue`;
      const message =
        reason === undefined
          ? waiting > 0
            ? 'Printing…'
            : 'The printer is ready.'
          : fault === 'no_answer'
            ? `${reason} Trying again in 5 s; ${words}.`
            : `${reason} Printing continues by itself once the printer is ready; ${words}.`;
      const state: PrintQueueView['printers'][number]['state'] = fault === undefined ? 'ok' : fault === 'no_answer' ? 'retrying' : 'held';
      return { printerId: profile.id, name: profile.name, address: profile.address, state, message, waiting };
    });
    return { printers, jobs: structuredClone(pendingJobs()) };
  }

  function pushPrintQueue(): void {
    emit('printQueue', printQueueView());
  }

  /** A job leaves the queue: printed (the label counts one more print) or cancelled (the label waits for a reprint). */
  function finishJob(job: PrintJobView, state: 'done' | 'cancelled'): void {
    const now = new Date().toISOString();
    job.state = state;
    job.updatedAt = now;
    const label = job.labelId ? labels.find((l) => l.id === job.labelId) : undefined;
    if (!label) return;
    if (state === 'done') {
      attempts.push(attempt(label, job.address, job.reprint, true, null, now));
      Object.assign(label, { status: 'printed', error: null, printCount: label.printCount + 1, updatedAt: now });
    } else if (label.status !== 'printed') {
      Object.assign(label, {
        status: 'print_failed',
        error: 'The print was cancelled before the label came out: reprint it when it is needed.',
        updatedAt: now,
      });
    }
  }

  /**
   * What the printer's worker would do now: with no fault every waiting job prints; with a fault the
   * oldest job is sent and then held (or retried when the printer does not answer), the rest wait behind it.
   */
  function runPrinterQueue(printer: { id: string; address: string }): void {
    const pending = pendingJobs(printer.id);
    const fault = queueFaults.get(printer.id);
    if (!fault) {
      for (const job of pending) finishJob(job, 'done');
      return;
    }
    const head = pending[0];
    if (!head) return;
    const reason = queueFaultMessage(printer)!;
    const state = fault === 'no_answer' ? 'retrying' : 'held';
    if (head.state === state && head.lastError === reason) return;
    const now = new Date().toISOString();
    const label = head.labelId ? labels.find((l) => l.id === head.labelId) : undefined;
    if (head.state === 'queued' || state === 'retrying') {
      head.attempts += 1;
      if (state === 'retrying' && label) attempts.push(attempt(label, head.address, head.reprint, false, reason, now));
    }
    Object.assign(head, { state, lastError: reason, updatedAt: now });
    if (label?.status === 'queued') Object.assign(label, { error: reason, updatedAt: now });
  }

  function syncDefaultQueueFault(): void {
    const printer = defaultPrinter(settings.printers);
    const fault: FakePrinterState = printerOnline ? printerState : 'no_answer';
    if (fault === 'ready') queueFaults.delete(printer.id);
    else queueFaults.set(printer.id, fault);
    runPrinterQueue(printer);
    pushPrintQueue();
  }

  /** Commits a print job for the label on this printer, as the station does before a byte is sent. */
  function enqueuePrint(label: LabelRecord, printer: PrinterProfile, reprint: boolean): PrintJobView {
    const now = new Date().toISOString();
    const job: PrintJobView = {
      id: ++printJobCounter,
      labelId: label.id,
      orderId: label.orderId,
      trackingNumber: label.trackingNumbers[0] ?? null,
      printerId: printer.id,
      printerName: printer.name,
      address: printer.address,
      state: 'queued',
      attempts: 0,
      lastError: null,
      reprint,
      createdAt: now,
      updatedAt: now,
    };
    printJobs.push(job);
    if (label.status !== 'printed') Object.assign(label, { status: 'queued', error: queueFaultMessage(printer) ?? null, updatedAt: now });
    runPrinterQueue(printer);
    pushPrintQueue();
    return job;
  }

  function findLabel(labelId: string): LabelRecord {
    const label = labels.find((l) => l.id === labelId);
    if (!label) throw new StationError('label_not_found', 'That label is not in the history.', 'Search History for the order ID.');
    return label;
  }

  function isLocked(field: string): string | undefined {
    return lockedByEnv.find((l) => field === l.field || field.startsWith(`${l.field}.`))?.variable;
  }

  function secretSet(name: SecretName): boolean {
    return secrets[name] !== undefined || isLocked(`secrets.${name}`) !== undefined;
  }

  function publicSettings(): PublicSettings {
    const secretMap = Object.fromEntries(
      (['aftershipApiKey', 'tiktokAppSecret', 'shipiumApiKey', 'shopifyAdminToken'] as const).map((n) => [n, secretSet(n)]),
    ) as Record<SecretName, boolean>;
    const auth =
      isLocked('tiktokAuthorization') && !authorization.authorized
        ? { authorized: true, accessTokenExpiresAt: new Date(Date.now() + DAY).toISOString(), shopName: null }
        : authorization;
    return { ...structuredClone(settings), secrets: secretMap, tiktokAuthorization: { ...auth }, lockedByEnv };
  }

  /** Why the provider cannot buy with these settings, or undefined. */
  function providerNotReady(s: Settings): Problem | undefined {
    const title = PROVIDER_TITLES[s.provider];
    if (s.provider === 'tiktok' && s.tiktok.appKey === '') {
      return {
        code: 'invalid_input',
        message: 'TikTok Shop needs its app key before it can buy labels.',
        nextStep: 'Enter the TikTok app key and app secret, then save again.',
      };
    }
    const secret = PROVIDER_SECRET[s.provider];
    if (secret && !secretSet(secret)) {
      return {
        code: 'invalid_input',
        message: `${title} needs ${SECRET_TITLES[secret].replace(/^The /, 'its ')} before it can buy labels.`,
        nextStep: `Enter ${SECRET_TITLES[secret].replace(/^The /, 'the ')} and save it, then save the settings again.`,
      };
    }
    return undefined;
  }

  function orderSourcesReady(): boolean {
    return (settings.shopify.storeUrl !== '' && secretSet('shopifyAdminToken')) || settings.ordersFile !== '';
  }

  /** Turns a scan into the order the sources know; throws a StationError a packer can act on. */
  function lookup(scan: string): OrderDetails {
    const resolved = resolveScan(scan);
    if (resolved.kind === 'rejected') throw new StationError(resolved.code, resolved.message, resolved.nextStep);
    if (resolved.kind === 'tiktok') {
      const known = Object.entries(FAKE_ORDERS).find(([, o]) => o.orderId === resolved.orderId);
      return known
        ? { ...known[1], displayName: known[0], source: 'tiktok' }
        : { orderId: resolved.orderId, displayName: null, source: 'scan', cancelled: false, status: null, lineItems: [] };
    }
    if (!orderSourcesReady()) {
      const why = 'No Shopify store or WMS order file is set up in Settings to look it up.';
      const rejection = shopifyNumberRejection(resolved.orderName, why);
      throw new StationError(rejection.code, rejection.message, rejection.nextStep);
    }
    const order = FAKE_ORDERS[resolved.orderName];
    const source = settings.shopify.storeUrl !== '' && secretSet('shopifyAdminToken') ? 'shopify' : 'file';
    if (!order) {
      throw new StationError(
        'order_not_found',
        `Shopify order ${resolved.orderName} was not found ${source === 'shopify' ? `in ${settings.shopify.storeUrl}` : 'in the WMS order file'}.`,
        'Check the number on the packing slip, or scan the TikTok order ID barcode instead.',
      );
    }
    return { ...order, displayName: resolved.orderName, source };
  }

  const handlers: StationHandlers = {
    async getStationInfo() {
      return {
        version: '0.1.0',
        provider: settings.provider,
        providerTitle: PROVIDER_TITLES[settings.provider],
        sandbox: settings.provider === 'sandbox',
        capabilities: { ...CAPABILITIES[settings.provider] },
        printer: defaultPrinter(settings.printers).address,
        printerName: defaultPrinter(settings.printers).name,
        dataDir: '/home/packer/.station-data',
        shell: 'web',
      };
    },

    async submitScan({ scan }) {
      if (busy) {
        throw new StationError(
          'order_busy',
          'The station is still working on the previous label.',
          'Wait for the current label, then scan again.',
        );
      }
      busy = true;
      const jobId = `job-${++jobCounter}`;
      const fail = async (problem: Problem, orderId?: string, label?: LabelRecord) => {
        await step(jobId, 'failed', problem.message, orderId);
        return label ? { outcome: 'failed' as const, jobId, problem, label } : { outcome: 'failed' as const, jobId, problem };
      };
      try {
        const resolved = resolveScan(scan);
        await step(
          jobId,
          'resolving',
          resolved.kind === 'shopify' ? `Looking up Shopify order ${resolved.orderName}…` : 'Reading the scan…',
        );
        let order: OrderDetails;
        try {
          order = lookup(scan);
        } catch (error) {
          if (error instanceof StationError) return await fail({ code: error.code, message: error.message, nextStep: error.nextStep });
          throw error;
        }
        const orderId = order.orderId;
        if (order.cancelled) {
          return await fail(
            {
              code: 'order_cancelled',
              message: `Order ${order.displayName ?? orderId} is cancelled, so no label was bought.`,
              nextStep: 'Put the parcel aside and tell a supervisor; do not ship it.',
            },
            orderId,
          );
        }
        const existing = labels.find((l) => l.orderId === orderId && l.status !== 'failed');
        if (existing && (existing.status === 'unknown' || existing.status === 'buying')) {
          return await fail(
            {
              code: 'label_may_exist',
              message: `A label for order ${orderId} may already have been bought: the last purchase got no clear answer. Nothing was bought now.`,
              nextStep: 'Open it in History and ask the provider again before buying. Keep the parcel aside until then.',
            },
            orderId,
            existing,
          );
        }
        if (existing) {
          await step(jobId, 'done', 'This order already has a label.', orderId);
          return {
            outcome: 'already_labelled',
            jobId,
            label: existing,
            message: `Order ${orderId} already has a label (${existing.trackingNumbers[0] ?? 'no tracking'}); nothing was bought.`,
          };
        }
        const notReady = providerNotReady(settings);
        if (notReady)
          return await fail(
            { ...notReady, code: 'provider_not_configured', nextStep: 'Ask a supervisor to finish the provider set-up in Settings.' },
            orderId,
          );
        if (settings.provider === 'tiktok' && !publicSettings().tiktokAuthorization.authorized) {
          return await fail(
            {
              code: 'tiktok_not_authorized',
              message: 'TikTok Shop has not authorized this station yet, so no label can be bought.',
              nextStep: 'Ask a supervisor to press "Authorize TikTok Shop" in Settings.',
            },
            orderId,
          );
        }
        const provider = settings.provider;
        const sandbox = provider === 'sandbox';
        const slow = CAPABILITIES[provider].slow;
        await step(
          jobId,
          'buying',
          `Buying the label from ${sandbox ? 'the SANDBOX' : PROVIDER_TITLES[provider]}…`,
          orderId,
          slow ? slowBuyMs : stepDelayMs,
        );
        if (orderId === FAKE_SCANS.refused) {
          return await fail(
            {
              code: 'order_cancelled',
              message: `TikTok Shop says order ${orderId} is cancelled, so no label can be bought.`,
              nextStep: 'Put the parcel aside and tell a supervisor; do not ship it.',
            },
            orderId,
          );
        }
        const now = new Date().toISOString();
        const label: LabelRecord = {
          id: `lbl_${String(labels.length + 1).padStart(5, '0')}`,
          orderId,
          provider,
          sandbox,
          providerLabelId: `pl_${orderId.slice(-6)}`,
          trackingNumbers: [`94001112062138${orderId.slice(-8)}`],
          cost: { amount: 5.42, currency: 'USD' },
          status: 'bought',
          createdAt: now,
          updatedAt: now,
          operator: settings.operator || 'Station',
          printer: defaultPrinter(settings.printers).address,
          format: 'pdf',
          filePath: `/home/packer/.station-data/labels/${orderId}.pdf`,
          error: null,
          printCount: 0,
        };
        if (orderId === FAKE_SCANS.answerLost) {
          const lost: LabelRecord = {
            ...label,
            providerLabelId: null,
            trackingNumbers: [],
            cost: null,
            status: 'unknown',
            format: null,
            filePath: null,
            error: `No answer from ${PROVIDER_TITLES[provider]} after the request was sent; a label may exist.`,
          };
          labels.unshift(lost);
          providerTruth.set(lost.id, 'found');
          return await fail(
            {
              code: 'purchase_unknown',
              message: `${PROVIDER_TITLES[provider]} did not answer, so the station cannot tell whether the label for order ${orderId} was bought.`,
              nextStep: 'Do not scan this order again. Open it in History and ask the provider again.',
            },
            orderId,
            lost,
          );
        }
        labels.unshift(label);
        await step(jobId, 'printing', `Printing on ${defaultPrinter(settings.printers).address}…`, orderId);
        const queuePrinter = defaultPrinter(settings.printers);
        if (orderId !== FAKE_SCANS.printFails && queueFaults.has(queuePrinter.id)) {
          // Like the station: the label is committed to the print queue and waits for the printer.
          const printJob = enqueuePrint(label, queuePrinter, false);
          const message = `Label bought and saved. The label waits for printer "${queuePrinter.name}": ${queueFaultMessage(queuePrinter)} It prints by itself once the printer is ready.`;
          await step(jobId, 'done', message, orderId);
          return { outcome: 'queued', jobId, label: { ...label }, printJobId: printJob.id, message };
        }
        if (!printerWorks() || orderId === FAKE_SCANS.printFails) {
          const message =
            printerFaultMessage() ??
            `The printer at ${defaultPrinter(settings.printers).address} did not answer: it may be out of labels or its head is open.`;
          label.status = 'print_failed';
          label.error = message;
          attempts.push(attempt(label, label.printer, false, false, message));
          await step(jobId, 'failed', message, orderId);
          return {
            outcome: 'print_failed',
            jobId,
            label,
            problem: {
              code: 'printer_unreachable',
              message,
              nextStep: 'Check the printer has labels and the lid is closed, then press Reprint.',
            },
          };
        }
        label.status = 'printed';
        label.printCount = 1;
        attempts.push(attempt(label, label.printer, false, true, null));
        await step(jobId, 'done', 'Label printed.', orderId);
        const resolvedWarning = resolved.kind === 'tiktok' ? resolved.warning : undefined;
        return resolvedWarning ? { outcome: 'printed', jobId, label, warning: resolvedWarning } : { outcome: 'printed', jobId, label };
      } finally {
        busy = false;
      }
    },

    async reprintLabel({ labelId, printerId }) {
      const label = findLabel(labelId);
      if (!label.filePath) {
        throw new StationError(
          'not_printable',
          'No label was bought for this order, so there is nothing to reprint.',
          'Scan the order again to buy its label.',
        );
      }
      const printer = savedPrinter(printerId);
      if (queueFaults.has(printer.id)) {
        const printJob = enqueuePrint(label, printer, true);
        return {
          ok: false,
          printer: printer.address,
          bytes: 0,
          queued: { printJobId: printJob.id },
          problem: {
            code: 'print_queued',
            message: `The label waits for printer "${printer.name}": ${queueFaultMessage(printer)}`,
            nextStep: 'It prints by itself once the printer is ready. Do not reprint it.',
          },
        };
      }
      // setPrinterState/setPrinterOnline describe the default printer; another printer only fails when the network is down.
      const works = printer.id === defaultPrinter(settings.printers).id ? printerWorks() : printerOnline;
      if (!works) {
        const message = printerFaultMessage(printer.address) ?? `The printer at ${printer.address} did not answer.`;
        attempts.push(attempt(label, printer.address, true, false, message));
        return {
          ok: false,
          printer: printer.address,
          bytes: 0,
          problem: {
            code: 'printer_unreachable',
            message,
            nextStep: 'Check the printer is on, has labels and the lid is closed, then try again.',
          },
        };
      }
      label.printCount += 1;
      label.status = 'printed';
      label.error = null;
      label.updatedAt = new Date().toISOString();
      attempts.push(attempt(label, printer.address, true, true, null));
      return { ok: true, printer: printer.address, bytes: 18_432 };
    },

    async searchHistory({ query, filter, limit, offset }) {
      const q = query.trim().toLowerCase();
      const matches = labels.filter(
        (l) =>
          (q === '' || l.orderId.startsWith(q) || l.trackingNumbers.some((t) => t.toLowerCase().startsWith(q))) &&
          (filter !== 'uncertain' || l.status === 'buying' || l.status === 'unknown'),
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
        throw new StationError('not_printable', 'There is no label to preview for this order.', 'Scan the order again to buy its label.');
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
      const next = merge(settings, patch);
      // Like the real settings service: a locked field may be sent, but not changed.
      const changed = lockedByEnv.find(
        ({ field }) =>
          !field.startsWith('secrets.') &&
          field !== 'tiktokAuthorization' &&
          lockedFieldValue(next, field) !== lockedFieldValue(settings, field),
      );
      if (changed) {
        throw new StationError(
          'locked_by_env',
          `${changed.field} is set by ${changed.variable} and cannot be changed here.`,
          `Change ${changed.variable} where the station is started, then restart it.`,
        );
      }
      if (next.provider !== settings.provider) {
        const notReady = providerNotReady(next);
        if (notReady) throw new StationError(notReady.code, notReady.message, notReady.nextStep);
      }
      settings = next;
      return publicSettings();
    },

    async setSecret({ secret, value }) {
      const variable = isLocked(`secrets.${secret}`);
      if (variable)
        throw new StationError(
          'locked_by_env',
          `${SECRET_TITLES[secret]} is set by ${variable}.`,
          `Change ${variable} where the station is started.`,
        );
      secrets[secret] = value;
      if (secret === 'tiktokAppSecret') authorization = { authorized: false, accessTokenExpiresAt: null, shopName: null };
      return publicSettings();
    },

    async clearSecret({ secret }) {
      const variable = isLocked(`secrets.${secret}`);
      if (variable)
        throw new StationError(
          'locked_by_env',
          `${SECRET_TITLES[secret]} is set by ${variable}.`,
          `Change ${variable} where the station is started.`,
        );
      if (PROVIDER_SECRET[settings.provider] === secret) {
        throw new StationError(
          'invalid_input',
          `${PROVIDER_TITLES[settings.provider]} is the active provider, so ${SECRET_TITLES[secret].replace(/^The /, 'its ')} cannot be removed.`,
          'Switch the provider to Sandbox first, save, then remove it.',
        );
      }
      delete secrets[secret];
      return publicSettings();
    },

    async startTikTokAuthorization() {
      if (settings.tiktok.appKey === '' || !secretSet('tiktokAppSecret')) {
        throw new StationError(
          'invalid_input',
          'TikTok Shop authorization needs the app key and the app secret.',
          'Enter and save both in Settings, then press Authorize again.',
        );
      }
      pendingState = `ls${Math.random().toString(36).slice(2, 12)}`;
      const url = new URL('/oauth/authorize', settings.tiktok.authBaseUrl);
      url.searchParams.set('app_key', settings.tiktok.appKey);
      url.searchParams.set('state', pendingState);
      return { authorizeUrl: url.toString() };
    },

    async finishTikTokAuthorization({ codeOrRedirectUrl }) {
      if (!pendingState) {
        throw new StationError(
          'invalid_input',
          'No TikTok authorization was started on this station.',
          'Press "Authorize TikTok Shop" first, approve the app, then paste the code.',
        );
      }
      let code = codeOrRedirectUrl.trim();
      if (/^https?:\/\//i.test(code)) {
        const url = new URL(code);
        const state = url.searchParams.get('state');
        if (state !== null && state !== pendingState) {
          throw new StationError(
            'authorization_mismatch',
            'That address belongs to another authorization attempt.',
            'Press "Authorize TikTok Shop" again and use the newest address.',
          );
        }
        code = url.searchParams.get('code') ?? '';
        if (code === '')
          throw new StationError(
            'invalid_input',
            'That address has no code in it.',
            'Paste the whole address TikTok showed after you approved the app (it contains "code=").',
          );
      }
      if (!/^[A-Za-z0-9_.-]{6,}$/.test(code) || code.startsWith('expired')) {
        throw new StationError(
          'tiktok_refused',
          'TikTok refused that code: it may be mistyped or expired (codes are valid for a few minutes).',
          'Press "Authorize TikTok Shop" again and paste the new code straight away.',
        );
      }
      pendingState = undefined;
      authorization = {
        authorized: true,
        accessTokenExpiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
        shopName: 'Sunrise Goods US',
      };
      return publicSettings();
    },

    async resolveUncertainLabel({ labelId, decision }) {
      const label = findLabel(labelId);
      if (label.status !== 'unknown' && label.status !== 'buying') {
        throw new StationError(
          'not_uncertain',
          `The label for order ${label.orderId} does not need checking.`,
          'Nothing to do: History shows what it is.',
        );
      }
      const title = PROVIDER_TITLES[label.provider];
      const now = new Date().toISOString();
      if (decision === 'confirm_no_label') {
        Object.assign(label, {
          status: 'failed',
          error: 'A supervisor confirmed the provider has no label for this order.',
          updatedAt: now,
        });
        return { ...label };
      }
      if (!CAPABILITIES[label.provider].lookup) {
        throw new StationError(
          'lookup_unsupported',
          `${title} cannot be asked whether it made a label.`,
          `Look for order ${label.orderId} in the ${PROVIDER_TITLES[label.provider].split(' (')[0]} dashboard. If there is no label, press "No label exists — allow buying again".`,
        );
      }
      const truth = providerTruth.get(label.id);
      if (truth === 'found') {
        Object.assign(label, {
          status: 'bought',
          providerLabelId: `pl_${label.orderId.slice(-6)}`,
          trackingNumbers: [`94001112062138${label.orderId.slice(-8)}`],
          cost: { amount: 5.42, currency: 'USD' },
          format: 'pdf',
          filePath: `/home/packer/.station-data/labels/${label.orderId}.pdf`,
          error: null,
          updatedAt: now,
        });
      } else if (truth === 'none') {
        Object.assign(label, { status: 'failed', error: `${title} confirms no label was bought.`, updatedAt: now });
      } else {
        label.error = `Still no answer from ${title}.`;
        label.updatedAt = now;
      }
      return { ...label };
    },

    async lookupOrder({ scan }) {
      return lookup(scan);
    },

    async testPrint({ printerId, draft }) {
      // The draft typed in Settings wins; else the saved printer asked for; else the default.
      const saved = draft ? undefined : savedPrinter(printerId);
      const { address, dpi } = draft ?? saved!;
      const ok = printerWorks();
      testPrints.push({ printerId: saved?.id ?? null, address, dpi, ok });
      if (!ok) {
        return {
          ok: false,
          printer: address,
          bytes: 0,
          problem: {
            code: 'printer_unreachable',
            message: printerFaultMessage(address) ?? `The printer at ${address} did not answer within 3 seconds.`,
            nextStep: 'Check the printer is on and connected, and that the address is right.',
          },
        };
      }
      return { ok: true, printer: address, bytes: dpi === 600 ? 4_096 : dpi === 300 ? 2_240 : 1_712 };
    },

    async getPrinterStatus({ printerId }) {
      const { id, address, language } = savedPrinter(printerId);
      // Like the real core: only network ZPL and ESC/POS printers can be asked.
      if (!address.startsWith('tcp://')) {
        return {
          printerId: id,
          printer: address,
          state: 'unsupported',
          faults: [],
          message: 'Status can be asked only of network printers (tcp://); check the printer’s own lights.',
        };
      }
      if (language !== 'zpl' && language !== 'escpos') {
        return {
          printerId: id,
          printer: address,
          state: 'unsupported',
          faults: [],
          message: `A ${language.toUpperCase()} printer cannot be asked for its status; check its own lights.`,
        };
      }
      const state: FakePrinterState = printerOnline ? printerState : 'no_answer';
      if (state === 'ready') return { printerId: id, printer: address, state: 'ready', faults: [], message: 'The printer is ready.' };
      return { printerId: id, printer: address, state: 'fault', ...PRINTER_FAULTS[state](address) };
    },

    async getPrintQueue() {
      return printQueueView();
    },

    async resolvePrintJob({ printJobId, action }) {
      const job = printJobs.find((j) => j.id === printJobId);
      if (!job) throw new StationError('job_not_found', `There is no print job ${printJobId}.`, 'Refresh the print queue view.');
      if (job.state === (action === 'cancel' ? 'cancelled' : 'done')) return structuredClone(job);
      if (job.state === 'done') {
        throw new StationError(
          'job_already_done',
          `Print job ${printJobId} already printed.`,
          'Nothing to cancel: if the label is not needed, throw it away.',
        );
      }
      if (job.state === 'sending') {
        throw new StationError(
          'job_sending',
          `Print job ${printJobId} is being sent to the printer right now and cannot be stopped.`,
          'Let it print, then throw the label away if it is not needed.',
        );
      }
      if (action === 'printed' && job.state !== 'held') {
        throw new StationError(
          'job_not_held',
          `Print job ${printJobId} has not reached the printer yet, so it cannot have printed.`,
          'Wait for it to be sent, or cancel it and reprint from History.',
        );
      }
      finishJob(job, action === 'cancel' ? 'cancelled' : 'done');
      // The printer's worker moves on to the next waiting job.
      runPrinterQueue({ id: job.printerId ?? job.address, address: job.address });
      pushPrintQueue();
      return structuredClone(job);
    },

    async discoverPrinters() {
      return structuredClone(discovered);
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
    // Nothing to reconcile: the fake's uncertain labels wait for a person, like ones the provider could not confirm.
    reconciled: Promise.resolve(),
    calls,
    testPrints,
    events: {
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener as (payload: never) => void);
        listeners.set(event, set);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
    emit,
    // The default printer's state is what its print queue sees too, as in the station.
    setPrinterOnline(online) {
      printerOnline = online;
      syncDefaultQueueFault();
    },
    setPrinterState(state) {
      printerState = state;
      syncDefaultQueueFault();
    },
    setQueueFault(fault, printerId) {
      const printer = savedPrinter(printerId);
      if (fault === 'ready') queueFaults.delete(printer.id);
      else queueFaults.set(printer.id, fault);
      if (printer.id === defaultPrinter(settings.printers).id) printerState = fault;
      runPrinterQueue(printer);
      pushPrintQueue();
    },
    printJobs,
    secretValues() {
      return { ...secrets };
    },
    async close() {
      listeners.clear();
    },
  };
}

/** Providers of the seeded live (non-sandbox) labels, in turn. */
const LIVE_PROVIDERS: ProviderName[] = ['aftership', 'tiktok', 'shipium'];

function seedLabels(count: number, now: number): LabelRecord[] {
  const labels: LabelRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(now - (i * 37 + 12) * MINUTE).toISOString();
    const orderId = `5768111222333444${String(i + 1).padStart(2, '0')}`;
    const uncertain = orderId === UNCERTAIN_SEEDS.found || orderId === UNCERTAIN_SEEDS.none || orderId === UNCERTAIN_SEEDS.unsupported;
    const status: LabelRecord['status'] = uncertain
      ? orderId === UNCERTAIN_SEEDS.unsupported
        ? 'buying'
        : 'unknown'
      : i === 3
        ? 'print_failed'
        : i === 7
          ? 'failed'
          : i === 17
            ? 'bought'
            : 'printed';
    const hasLabel = status !== 'failed' && !uncertain;
    const sandbox = i % 5 !== 4;
    const provider: ProviderName = sandbox ? 'sandbox' : (LIVE_PROVIDERS[Math.floor(i / 5) % 3] ?? 'aftership');
    labels.push({
      id: `lbl_s${String(i + 1).padStart(4, '0')}`,
      orderId,
      provider,
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
          : uncertain
            ? `No answer from ${PROVIDER_TITLES[provider]} after the request was sent; a label may exist.`
            : status === 'print_failed'
              ? 'Printer did not answer (out of paper or head open).'
              : null,
      printCount: status === 'printed' ? 1 + (i % 3 === 0 ? 1 : 0) : 0,
    });
  }
  return labels;
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
