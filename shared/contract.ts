/**
 * THE station API, as data. Each method: its zod input and output. Each event: its payload.
 * electron/main.ts (ipcMain), electron/preload.ts (contextBridge), electron/web/ (HTTP + WebSocket)
 * and the renderer's client are all built from this one table.
 */
import { z } from 'zod';
import {
  Dpi,
  JobStep,
  LabelDetail,
  LabelRecord,
  PrinterAddress,
  Problem,
  ProviderName,
  PublicSettings,
  SettingsPatch,
} from './schemas';

const ScanInput = z.object({
  scan: z.string().max(200, 'That scan is too long to be an order ID.'),
});

export const ScanOutcome = z.discriminatedUnion('outcome', [
  /** The label was bought and printed. */
  z.object({ outcome: z.literal('printed'), jobId: z.string(), label: LabelRecord, warning: z.string().optional() }),
  /** The order already has a label: nothing was bought; the UI offers a reprint. */
  z.object({ outcome: z.literal('already_labelled'), jobId: z.string(), label: LabelRecord, message: z.string() }),
  /** A label was bought and saved but did not print: reprint from History once the printer is fixed. */
  z.object({ outcome: z.literal('print_failed'), jobId: z.string(), label: LabelRecord, problem: Problem }),
  /** Nothing was bought (bad scan, provider refused, or a label may exist and needs checking). */
  z.object({ outcome: z.literal('failed'), jobId: z.string(), problem: Problem, label: LabelRecord.optional() }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

export const PrintOutcome = z.object({
  ok: z.boolean(),
  printer: z.string(),
  bytes: z.number().int(),
  problem: Problem.optional(),
});
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const StationInfo = z.object({
  version: z.string(),
  provider: ProviderName,
  providerTitle: z.string(),
  sandbox: z.boolean(),
  printer: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'web']),
});
export type StationInfo = z.infer<typeof StationInfo>;

const LabelId = z.object({ labelId: z.string().min(1).max(64) });

export const contract = {
  methods: {
    getStationInfo: { input: z.object({}).strict(), output: StationInfo },
    submitScan: { input: ScanInput, output: ScanOutcome },
    reprintLabel: { input: LabelId, output: PrintOutcome },
    searchHistory: {
      input: z.object({
        query: z.string().max(100).default(''),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
      output: z.object({ labels: z.array(LabelRecord), total: z.number().int() }),
    },
    getLabel: { input: LabelId, output: LabelDetail },
    /** The label as the printer will print it: a PNG of the 1-bit bitmap, base64. */
    getLabelPreview: {
      input: LabelId,
      output: z.object({ pngBase64: z.string(), widthDots: z.number().int(), heightDots: z.number().int() }),
    },
    getSettings: { input: z.object({}).strict(), output: PublicSettings },
    updateSettings: { input: SettingsPatch, output: PublicSettings },
    /** Write-only: the key goes to the main process and is never sent back. */
    setApiKey: {
      input: z.object({ apiKey: z.string().trim().min(8, 'That API key is too short.').max(200) }),
      output: PublicSettings,
    },
    clearApiKey: { input: z.object({}).strict(), output: PublicSettings },
    testPrint: {
      input: z.object({ address: PrinterAddress.optional(), dpi: Dpi.optional() }).strict(),
      output: PrintOutcome,
    },
  },
  events: {
    jobProgress: z.object({
      jobId: z.string(),
      step: JobStep,
      orderId: z.string().optional(),
      message: z.string(),
    }),
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
