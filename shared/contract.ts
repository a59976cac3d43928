/**
 * THE station API, as data. Each method: its zod input and output. Each event: its payload.
 * electron/main/ (ipcMain), electron/preload/ (contextBridge), electron/web/ (HTTP + WebSocket)
 * and the renderer's client are all built from this one table.
 */
import { z } from 'zod';
import { Problem } from './errors';
import { JobStep, LabelDetail, LabelRecord } from './domain/labels';
import { PrinterId, PrinterSettings } from './domain/printers';
import { ProviderName } from './domain/providers';
import { PublicSettings, SecretName, SettingsPatch } from './domain/settings';
import { OrderDetails } from './domain/orders';
import { PrintJobView, PrintQueueView } from './domain/print-queue';
import { DatabaseStatus } from './domain/fleet';
import { HistoryPage, HistorySearchInput } from './domain/history-search';
import {
  NewOperator,
  OperatorChanges,
  OperatorSession,
  OperatorView,
  SignInCredentials,
  SignInOptions,
  SupervisorApproval,
} from './domain/operators';
import { ShipmentPlan } from './domain/shipments';
import { Parcel } from './domain/parcels';
import { ScaleDevice, ScaleReading } from './domain/scale';
import { BatchCounts, BatchEntry, BatchInput, BatchState, BatchSummary, BatchView } from './domain/batches';
import { BackupHealth, HealthReport, HealthStatus } from './domain/health';
import { MAX_REPRINT_SELECTION, ReprintReason } from './domain/reprint-reasons';
import { DaySummary, HistoryExport, HistoryExportFilter, LocalDate } from './domain/reports';
import { ExportedFileName, ExportFolderView } from './domain/reports';
import { ApiScope, ApiTokenName, ApiTokenView, SystemsApiView } from './domain/systems-api';
import { DeliveryLog, ExportFileSettings, WebhookId, WebhookInput, WritebackView } from './domain/writeback';

const ScanInput = z.object({
  scan: z.string().max(200, 'That scan is too long to be an order ID.'),
});

/**
 * The packing check a scan brings: every unit's line item ID as the packer scanned it, or a
 * supervisor's reason to buy without it (a supervisor's action).
 */
export const PackingCheck = z.union([
  z.object({ itemIds: z.array(z.string().min(1).max(64)).max(2000) }).strict(),
  z.object({ override: z.string().trim().min(3, 'Say why the items were not checked (at least 3 characters).').max(200) }).strict(),
]);
export type PackingCheck = z.infer<typeof PackingCheck>;

export const ScanOutcome = z.discriminatedUnion('outcome', [
  /** The label was bought and printed. */
  z.object({ outcome: z.literal('printed'), jobId: z.string(), label: LabelRecord, warning: z.string().optional() }),
  /** The order already has a label: nothing was bought; the UI offers a reprint. */
  z.object({ outcome: z.literal('already_labelled'), jobId: z.string(), label: LabelRecord, message: z.string() }),
  /**
   * The label was bought and saved and waits in the print queue (printer unreachable, paused, out of
   * paper): it prints by itself once the printer is ready. `message` says why it waits.
   */
  z.object({ outcome: z.literal('queued'), jobId: z.string(), label: LabelRecord, printJobId: z.number().int(), message: z.string() }),
  /** A label was bought and saved but could not be made into a print job (e.g. unreadable file): reprint from History. */
  z.object({ outcome: z.literal('print_failed'), jobId: z.string(), label: LabelRecord, problem: Problem }),
  /**
   * Nothing was bought: the order holds more units than the station packs in one box (Settings), so
   * a supervisor splits it into boxes first (the splitter opens with `order`).
   */
  z.object({ outcome: z.literal('split_needed'), jobId: z.string(), order: OrderDetails, message: z.string() }),
  /**
   * Nothing was bought: the station checks items before buying (Settings), and this scan did not
   * bring a check of every unit of `order`; the packer scans the items, then the label is bought.
   */
  z.object({ outcome: z.literal('check_needed'), jobId: z.string(), order: OrderDetails, message: z.string() }),
  /** Nothing was bought (bad scan, provider refused, or a label may exist and needs checking). */
  z.object({ outcome: z.literal('failed'), jobId: z.string(), problem: Problem, label: LabelRecord.optional() }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

/** What became of each box of a split shipment, in box order. */
export const ShipmentBoxOutcome = z.object({
  index: z.number().int().min(1),
  count: z.number().int().min(1),
  /**
   * printed / queued / print_failed: the box has its label (bought now or earlier); failed: nothing
   * was bought for it (a retry buys only such boxes); checking: no clear answer yet, set it aside.
   */
  state: z.enum(['printed', 'queued', 'print_failed', 'failed', 'checking']),
  /** true when the label was bought in an earlier attempt (kept, printed now only if never printed). */
  earlier: z.boolean(),
  label: LabelRecord.optional(),
  problem: Problem.optional(),
});
export type ShipmentBoxOutcome = z.infer<typeof ShipmentBoxOutcome>;

export const ShipmentOutcome = z.object({
  jobId: z.string(),
  orderId: z.string(),
  boxes: z.array(ShipmentBoxOutcome),
});
export type ShipmentOutcome = z.infer<typeof ShipmentOutcome>;

export const PrintOutcome = z.object({
  /** true only when the printer took the whole label and reported no fault. */
  ok: z.boolean(),
  printer: z.string(),
  bytes: z.number().int(),
  /** Set when the label waits in the print queue; `problem` then says why (it prints by itself later). */
  queued: z.object({ printJobId: z.number().int() }).optional(),
  problem: Problem.optional(),
});
export type PrintOutcome = z.infer<typeof PrintOutcome>;

/** One label of a reprinted selection: how its print went, or why it was not printed. */
export const ReprintSelectionResult = z.object({
  labelId: z.string(),
  /** null when the label is not in the history. */
  orderId: z.string().nullable(),
  outcome: PrintOutcome.optional(),
  problem: Problem.optional(),
});
export type ReprintSelectionResult = z.infer<typeof ReprintSelectionResult>;

export const StationInfo = z.object({
  version: z.string(),
  provider: ProviderName,
  providerTitle: z.string(),
  sandbox: z.boolean(),
  /** What the provider cannot do, said in the UI (Shipium: no tracking; none can void). */
  capabilities: z.object({ tracking: z.boolean(), void: z.literal(false), lookup: z.boolean(), slow: z.boolean() }),
  /** The default printer's address and name: scans print there. */
  printer: z.string(),
  printerName: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'web']),
  /** How the history names this station ("bought at …"): LABEL_STATION_NAME, else the computer's name. */
  stationName: z.string(),
  /** The station's own history, or the warehouse's shared database and whether it answers. */
  database: DatabaseStatus,
  /**
   * Since when the history holds every purchase of its stations (when it was started, or when a
   * backup copy was put in its place); null until the warehouse database has answered once.
   */
  historyCompleteSince: z.string().datetime().nullable(),
});
export type StationInfo = z.infer<typeof StationInfo>;

const LabelId = z.object({ labelId: z.string().min(1).max(64) });

/** A supervisor's badge or PIN on a guarded call when the signed-in operator is not a supervisor. */
const Approval = { approval: SupervisorApproval.optional() };

export const contract = {
  methods: {
    getStationInfo: { input: z.object({}).strict(), output: StationInfo },
    /**
     * A scanned order's label: bought once and printed. `parcel`: this parcel's box and measured
     * weight (a preset key, a typed weight, later the scale); the station's default package otherwise.
     */
    submitScan: {
      input: ScanInput.extend({ parcel: Parcel.optional(), check: PackingCheck.optional(), ...Approval }),
      output: ScanOutcome,
    },
    /**
     * Prints a stored label again, on the default printer or the one chosen; for a label covering
     * several boxes of a split shipment, every box in order, or only `box` (its number in the shipment).
     * `reason`: why it is printed again, kept on its print attempts (required: an audit of reprints
     * must not depend on which screen or system asked).
     */
    reprintLabel: {
      input: LabelId.extend({
        printerId: PrinterId.optional(),
        box: z.number().int().min(1).max(20).optional(),
        reason: ReprintReason,
      }).strict(),
      output: PrintOutcome,
    },
    /** A page of History, newest first; the next page starts at `nextCursor` (see shared/domain/history-search.ts). */
    searchHistory: { input: HistorySearchInput, output: HistoryPage },
    getLabel: { input: LabelId, output: LabelDetail },
    /** Labels bought (or adopted after a lost answer) that never reached a printer, oldest first. */
    listUnprintedLabels: { input: z.object({}).strict(), output: z.array(LabelRecord) },
    /** The first print of such a label (not a reprint), on the default printer or the one chosen. */
    printLabel: { input: LabelId.extend({ printerId: PrinterId.optional() }).strict(), output: PrintOutcome },
    /** The label as the printer will print it: a PNG of the 1-bit bitmap, base64. */
    getLabelPreview: {
      input: LabelId,
      output: z.object({ pngBase64: z.string(), widthDots: z.number().int(), heightDots: z.number().int() }),
    },
    getSettings: { input: z.object({}).strict(), output: PublicSettings },
    updateSettings: { input: SettingsPatch.extend(Approval).strict(), output: PublicSettings },
    /** Write-only: the secret goes to the main process and is never sent back. */
    setSecret: {
      input: z
        .object({
          secret: SecretName,
          value: z.string().trim().min(8, 'That value is too short to be a key or token.').max(500),
          ...Approval,
        })
        .strict(),
      output: PublicSettings,
    },
    clearSecret: { input: z.object({ secret: SecretName, ...Approval }).strict(), output: PublicSettings },
    /** Step 1 of TikTok Shop authorization: the seller opens this address and approves the station's app. */
    startTikTokAuthorization: {
      input: z.object({ ...Approval }).strict(),
      output: z.object({ authorizeUrl: z.string().url() }),
    },
    /** Step 2: the code (or the whole address TikTok redirected to) is exchanged for tokens in the main process. */
    finishTikTokAuthorization: {
      input: z
        .object({
          codeOrRedirectUrl: z.string().trim().min(4, 'Paste the code or the address TikTok sent you to.').max(4000),
          ...Approval,
        })
        .strict(),
      output: PublicSettings,
    },
    /**
     * A label whose purchase got no clear answer: `recheck` asks the provider again;
     * `confirm_no_label` is a supervisor's word that the provider has no label, which lets the
     * order be bought again.
     */
    resolveUncertainLabel: {
      input: z.object({ labelId: z.string().min(1).max(64), decision: z.enum(['recheck', 'confirm_no_label']), ...Approval }).strict(),
      output: LabelRecord,
    },
    /**
     * Buys one label per box of a split shipment (one request with every box where the provider
     * takes it) and prints them in box order. A supervisor's action: `approval` when the signed-in
     * operator is not one. Retrying the same plan buys only the boxes that have no label.
     */
    buyShipment: {
      input: ShipmentPlan.extend({ approval: SupervisorApproval.optional() }).strict(),
      output: ShipmentOutcome,
    },
    /** What the order sources know about a scanned order (line items for splitting, cancellation). */
    lookupOrder: {
      input: ScanInput,
      output: OrderDetails,
    },
    /**
     * The picture of a line item of an order the station loaded (lookupOrder, or a scan sent to the
     * splitter), as a `data:` URL; null when the source gave none or it cannot be fetched.
     */
    itemPicture: {
      input: z.object({ orderId: z.string().regex(/^\d{18}$/), lineItemId: z.string().min(1).max(64) }).strict(),
      output: z.object({ picture: z.string().nullable() }),
    },
    /**
     * Prints a test label straight away (not through the queue): on the saved printer `printerId`
     * (the default when absent), or on `draft`, a printer typed in Settings but not saved yet.
     */
    testPrint: {
      input: z.object({ printerId: PrinterId.optional(), draft: PrinterSettings.optional() }).strict(),
      output: PrintOutcome,
    },
    /** Asks a printer how it is (Zebra ~HS, ESC/POS status); silence is a fault, never "ready". */
    /** What support needs (versions, set-up, latest log lines), never a secret: Settings → Copy diagnostics. */
    getDiagnostics: { input: z.object({}).strict(), output: z.object({ text: z.string() }) },
    getPrinterStatus: {
      input: z.object({ printerId: PrinterId.optional() }).strict(),
      output: z.object({
        printerId: z.string().nullable(),
        printer: z.string(),
        /** 'unsupported': this kind of printer or connection cannot be asked. */
        state: z.enum(['ready', 'fault', 'unsupported']),
        faults: z.array(z.string()),
        message: z.string(),
      }),
    },
    /** What waits in the print queue, per printer, and why. */
    getPrintQueue: { input: z.object({}).strict(), output: PrintQueueView },
    /**
     * A waiting job: `cancel` takes it out of the queue (the label stays in History for a reprint);
     * `printed` is the packer's word that a held label did come out (e.g. a printer that never
     * answers status checks), which completes it.
     */
    resolvePrintJob: {
      input: z.object({ printJobId: z.number().int().positive(), action: z.enum(['cancel', 'printed']), ...Approval }).strict(),
      output: PrintJobView,
    },
    /** OS print queues and USB printer devices this station can see, to pick from in Settings. */
    discoverPrinters: {
      input: z.object({}).strict(),
      output: z.array(
        z.object({ address: z.string(), name: z.string(), kind: z.enum(['cups', 'device', 'windows']), detail: z.string().optional() }),
      ),
    },
    /** Who is signed in at this station (core memory: a restart signs everybody out). */
    getOperatorSession: { input: z.object({}).strict(), output: OperatorSession },
    /** The names to choose from on the sign-in screen, and whether the first supervisor must be created. */
    getSignInOptions: { input: z.object({}).strict(), output: SignInOptions },
    /** A badge scanned, or a name chosen and a PIN typed. Wrong PINs count toward a lock. */
    signIn: { input: SignInCredentials, output: OperatorSession },
    signOut: { input: z.object({}).strict(), output: OperatorSession },
    /** Only while no operator exists: the first supervisor, signed in at once. */
    createFirstSupervisor: { input: NewOperator, output: OperatorSession },
    /** Supervisor only, like every operator change below. */
    listOperators: { input: z.object({ ...Approval }).strict(), output: z.array(OperatorView) },
    addOperator: { input: z.object({ operator: NewOperator, ...Approval }).strict(), output: OperatorView },
    updateOperator: { input: z.object({ changes: OperatorChanges, ...Approval }).strict(), output: OperatorView },
    /** Lifts a lock after too many wrong PINs. */
    unlockOperator: { input: z.object({ operatorId: z.string().min(1).max(64), ...Approval }).strict(), output: OperatorView },
    /** The scale's latest reading (then every change comes as a `scaleReading` event). */
    getScaleReading: { input: z.object({}).strict(), output: ScaleReading },
    /** Serial ports and USB HID devices (scales first) this station sees, to pick the scale in Settings. */
    listScaleDevices: {
      input: z.object({}).strict(),
      output: z.object({
        serial: z.array(z.object({ path: z.string(), name: z.string() })),
        hid: z.array(
          z.object({ vendorId: z.number().int(), productId: z.number().int(), path: z.string(), name: z.string(), scale: z.boolean() }),
        ),
        problems: z.array(z.string()),
      }),
    },
    /** One reading from a scale typed in Settings (saved or not): what it says within a few seconds. */
    testScale: { input: z.object({ device: ScaleDevice }).strict(), output: ScaleReading },
    /**
     * A batch: pasted orders (one per line) or a batch barcode (BATCH:<id>, the WMS file's batch
     * column), bought and printed back to back within the provider's rate, in list order. A
     * supervisor's action: it buys many labels that cannot be voided.
     */
    startBatch: { input: z.object({ input: BatchInput, ...Approval }).strict(), output: BatchView },
    /** Starts nothing new; the orders in flight finish (their labels print). */
    pauseBatch: { input: z.object({ batchId: z.string().min(1).max(64) }).strict(), output: BatchSummary },
    /** Goes on with a paused batch (also one paused by a restart); never buys an order twice. */
    resumeBatch: { input: z.object({ batchId: z.string().min(1).max(64) }).strict(), output: BatchSummary },
    getBatch: { input: z.object({ batchId: z.string().min(1).max(64) }).strict(), output: BatchView },
    /** This station's batches, newest first. */
    listBatches: { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(BatchSummary) },
    /**
     * The Health panel: per provider and printer figures over the last hour and day, TikTok Shop's
     * authorization, backups and label file retention, and the light with its reasons. No secrets.
     */
    getHealth: { input: z.object({}).strict(), output: HealthReport },
    /** Backs the station's SQLite history up now (the daily backup's folder and count); not the fleet's PostgreSQL. */
    backUpNow: { input: z.object({ ...Approval }).strict(), output: BackupHealth },
    /**
     * Reprints a selection of labels one after another in the order given, with one reason, on the
     * default printer or the one chosen; each label's outcome (or why it was not printed) in order.
     */
    reprintLabels: {
      input: z
        .object({
          labelIds: z
            .array(z.string().min(1).max(64))
            .min(1, 'Select at least one label to reprint.')
            .max(MAX_REPRINT_SELECTION, `Reprint at most ${MAX_REPRINT_SELECTION} labels at once.`),
          reason: ReprintReason,
          printerId: PrinterId.optional(),
        })
        .strict(),
      output: z.array(ReprintSelectionResult),
    },
    /**
     * Writes the labels History's search and filters select to a CSV file on the station's computer
     * (streamed: a year of labels is never held in memory) and says where.
     */
    exportHistory: { input: HistoryExportFilter, output: HistoryExport },
    /** A day's figures (the station's calendar day): labels, boxes, cost, failures, reprints, per hour and operator. */
    getDaySummary: { input: z.object({ date: LocalDate }).strict(), output: DaySummary },
    /** The day's summary as an A4 PDF, sent to a PDF (office/A4) printer of the station. */
    printDaySummary: { input: z.object({ date: LocalDate, printerId: PrinterId }).strict(), output: PrintOutcome },
    /** Settings → Systems API: whether the Station API listens and where, and its tokens (never a token itself). */
    getSystemsApi: { input: z.object({}).strict(), output: SystemsApiView },
    /**
     * A supervisor creates a token for a WMS or ERP: `secret` is the token, shown this once and stored
     * only as its hash; it cannot be read again.
     */
    createApiToken: {
      input: z
        .object({
          name: ApiTokenName,
          scopes: z.array(ApiScope).min(1, 'Tick at least one thing the token may do (read, print, buy).').max(3),
          ...Approval,
        })
        .strict(),
      output: z.object({ token: ApiTokenView, secret: z.string() }),
    },
    /** A supervisor revokes a token: the next call with it is refused. */
    revokeApiToken: { input: z.object({ tokenId: z.string().min(1).max(64), ...Approval }).strict(), output: ApiTokenView },
    /** Write-back (Settings → Write-back and webhooks): Shopify fulfillments on or off, the WMS webhooks; never a secret. */
    getWriteback: { input: z.object({}).strict(), output: WritebackView },
    setShopifyFulfillment: { input: z.object({ on: z.boolean(), ...Approval }).strict(), output: WritebackView },
    /** Adds a webhook (no id) or changes one. Its signing secret is set apart, write-only. */
    saveWebhook: { input: z.object({ webhook: WebhookInput, ...Approval }).strict(), output: WritebackView },
    removeWebhook: { input: z.object({ webhookId: WebhookId, ...Approval }).strict(), output: WritebackView },
    setWebhookSecret: {
      input: z
        .object({
          webhookId: WebhookId,
          value: z.string().trim().min(16, 'Use a signing secret of at least 16 characters.').max(200, 'At most 200 characters.'),
          ...Approval,
        })
        .strict(),
      output: WritebackView,
    },
    /** A CSV file on this computer that gets one row per chosen event ('' path: none). */
    setExportFile: { input: ExportFileSettings.extend(Approval).strict(), output: WritebackView },
    /** The last deliveries (Shopify, webhooks, and where TikTok hears of the tracking), newest first. */
    getDeliveryLog: { input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), output: DeliveryLog },
    /** "Retry now": a waiting or failed delivery is sent at once. */
    retryDelivery: { input: z.object({ deliveryId: z.number().int().positive() }).strict(), output: DeliveryLog },
    /** Where History's exports go now (Settings → Exports, or LABEL_STATION_EXPORT_DIR, which wins) and the default. */
    getExportFolder: { input: z.object({}).strict(), output: ExportFolderView },
    /**
     * "Show in folder" (Electron shell only): opens the file manager on an export this station wrote
     * since it started, named as exportHistory answered it. Never a path from the screen.
     */
    showExportedFile: { input: z.object({ fileName: ExportedFileName }).strict(), output: z.object({ shown: z.literal(true) }) },
  },
  events: {
    /** Someone signed in or out (or was signed out: idle, deactivated, demo users gone). */
    operatorSession: OperatorSession,
    /** The whole queue view, sent whenever a job or a printer's state changes. */
    printQueue: PrintQueueView,
    /** The fleet's shared database went away or came back (the Scan screen's database light). */
    databaseStatus: DatabaseStatus,
    /** The labels bought but never printed, whenever that list may have changed. */
    unprintedLabels: z.array(LabelRecord),
    jobProgress: z.object({
      jobId: z.string(),
      step: JobStep,
      orderId: z.string().optional(),
      message: z.string(),
      /** The label's file is being downloaded: the scan waits at most this long, then answers "file pending". */
      downloadDeadlineSeconds: z.number().int().positive().optional(),
    }),
    /** The scale's reading, whenever its weight or state changes. */
    scaleReading: ScaleReading,
    /** A batch moved: its state and counts, and the entry that changed (if one did). */
    batchProgress: z.object({ batchId: z.string(), state: BatchState, counts: BatchCounts, entry: BatchEntry.optional() }),
    /** The top bar's light changed (or its reasons did). */
    healthChanged: HealthStatus,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract['methods'];
export type EventName = keyof Contract['events'];
export type MethodInput<M extends MethodName> = z.input<Contract['methods'][M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract['methods'][M]['output']>;
export type EventPayload<E extends EventName> = z.output<Contract['events'][E]>;

export const methodNames = Object.keys(contract.methods) as MethodName[];
export const eventNames = Object.keys(contract.events) as EventName[];

/** What the station core implements: inputs arrive already validated and defaulted. */
export type StationHandlers = {
  [M in MethodName]: (input: z.output<Contract['methods'][M]['input']>) => Promise<MethodOutput<M>>;
};

/** What the renderer calls (window.station). */
export type StationApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
