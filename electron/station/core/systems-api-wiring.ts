/**
 * Wires the Station API for systems: label requests through the same paths as the Scan screen
 * (runScanJob) and the splitter (buyShipment), acting as "API: <token name>"; tokens in the history
 * database; the server started and stopped as Settings → Systems API changes.
 */
import { randomUUID } from 'node:crypto';
import type { ScanOutcome, ShipmentOutcome } from '../../../shared/contract';
import { defaultPrinter, findPrinter } from '../../../shared/domain/printers';
import type { Settings } from '../../../shared/domain/settings';
import { ApiTokenName, ApiScope, type ApiTokenView, type SystemsApiView } from '../../../shared/domain/systems-api';
import { StationError } from '../../../shared/errors';
import type { HistoryPage, HistorySearch } from '../../../shared/domain/history-search';
import type { HealthReport } from '../../../shared/domain/health';
import type { DaySummary } from '../../../shared/domain/reports';
import { HistorySearchInput as HistorySearchSchema } from '../../../shared/domain/history-search';
import type { ApiTokenRecord } from '../history';
import { buyShipment } from '../packing';
import { ensureLabelFile, labelDetail, reprintLabel, requireLabel, runScanJob, type ScanJobDeps } from '../labels';
import { hashToken, newTokenSecret, SystemsApiServer, type LabelRequestBody, type RateLimit } from '../systems-api';
import type { SettingsService } from '../settings';
import { logScan, logShipment } from './log-outcomes';
import { withinWeightLimits } from './scaled-parcel';
import type { StationHistory } from './station-history';

export interface SystemsApiWiring {
  server: SystemsApiServer;
  view(): Promise<SystemsApiView>;
  createToken(input: { name: string; scopes: string[] }, by: string): Promise<{ token: ApiTokenView; secret: string }>;
  revokeToken(tokenId: string, by: string): Promise<ApiTokenView>;
  /** Follows Settings → Systems API (after every settings change and at start). */
  follow(): Promise<void>;
  close(): Promise<void>;
}

/** Idempotency keys are kept this long (a WMS retries within hours), pruned every few hours. */
const KEEP_KEYS_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 6 * 3600_000;

export function wireSystemsApi(w: {
  as: (name: string) => ScanJobDeps;
  settings: SettingsService;
  stored: StationHistory;
  searchHistory: (search: HistorySearch) => Promise<HistoryPage>;
  health: () => Promise<HealthReport>;
  daySummary: (date: string | undefined) => Promise<DaySummary>;
  announceUnprinted: () => void;
  stationName: string;
  stationId: string;
  now: () => Date;
  log: ScanJobDeps['log'] & ((line: string, fields?: Record<string, string | number | boolean | null | undefined>) => void);
  rateLimit?: RateLimit;
}): SystemsApiWiring {
  const { tokens } = w.stored.systemsApi;
  const onPrinter = (deps: ScanJobDeps, printerId: string | undefined): ScanJobDeps => {
    if (printerId === undefined) return deps;
    const settings = w.settings.current();
    if (!findPrinter(settings.printers, printerId)) {
      throw new StationError(
        'printer_not_found',
        `This station has no printer "${printerId}" (its printers: ${settings.printers.list.map((p) => p.id).join(', ')}).`,
        'Name one of GET /v1/printers, or leave printerId out for the default printer.',
      );
    }
    // The named printer is this request's default: the scan job asks for its format and prints there.
    return { ...deps, settings: () => asDefault(w.settings.current(), printerId) };
  };

  const server = new SystemsApiServer(
    {
      stationName: w.stationName,
      stationId: w.stationId,
      stationUrl: (name) => w.stored.systemsApi.stations.urlOf(name),
      tokens,
      idempotency: w.stored.systemsApi.idempotency,
      requestLabel: async (body: LabelRequestBody, caller) => {
        const deps = onPrinter(w.as(caller), body.printerId);
        try {
          if (body.boxes) {
            const outcome: ShipmentOutcome = await buyShipment(deps, { orderId: body.order, boxes: body.boxes });
            logShipment(w.log, outcome, caller);
            return { kind: 'shipment', outcome };
          }
          const parcel = body.parcel && withinWeightLimits(body.parcel, w.settings.current());
          const check = body.itemsChecked && { itemIds: body.itemsChecked };
          const outcome: ScanOutcome = await runScanJob(deps, body.order, () => parcel, check);
          logScan(w.log, body.order, outcome, caller);
          return { kind: 'scan', outcome };
        } finally {
          w.announceUnprinted();
        }
      },
      getLabel: (labelId) => labelDetail(w.as('').history, labelId),
      labelFile: async (labelId) => {
        const deps = w.as('');
        const label = await requireLabel(deps.history, labelId);
        if (!label.providerLabelId && !label.format) {
          throw new StationError(
            'not_printable',
            `The label for order ${label.orderId} has no file: it is ${label.status} (nothing was sold, or the purchase has no answer yet).`,
            'Read the label again (GET /v1/labels/{labelId}) once its status is bought, queued or printed.',
          );
        }
        const { label: withFile, bytes } = await ensureLabelFile(deps, label);
        return { bytes, format: withFile.format ?? 'pdf', orderId: label.orderId };
      },
      reprint: async (labelId, body, caller) => {
        const deps = onPrinter(w.as(caller), body.printerId);
        const outcome = await reprintLabel(deps, labelId, body.printerId, body.box, body.reason);
        w.log(`label ${labelId} reprinted by ${caller}: ${outcome.ok ? 'printed' : (outcome.problem?.code ?? 'not printed')}`, {
          event: 'reprint',
          labelId,
          operator: caller,
        });
        return outcome;
      },
      searchHistory: (search) => w.searchHistory(HistorySearchSchema.parse(search)),
      health: w.health,
      daySummary: w.daySummary,
      printers: () => {
        const { printers } = w.settings.current();
        const def = defaultPrinter(printers).id;
        return printers.list.map((p) => ({ id: p.id, name: p.name, language: p.language, isDefault: p.id === def }));
      },
      log: w.log,
      now: w.now,
    },
    { ...(w.rateLimit && { rateLimit: w.rateLimit }) },
  );

  const prune = () =>
    void w.stored.systemsApi.idempotency
      .prune(new Date(w.now().getTime() - KEEP_KEYS_MS).toISOString())
      .catch((error: unknown) => w.log(`systems API: old idempotency keys not pruned: ${(error as Error).message}`));
  let pruner: NodeJS.Timeout | undefined;

  return {
    server,
    follow: async () => {
      const settings = w.settings.current().systemsApi;
      if (settings.enabled && !pruner) {
        prune();
        pruner = setInterval(prune, PRUNE_EVERY_MS);
        pruner.unref();
      }
      await server.follow(settings);
      // Where this station's API listens now, for the other stations of a fleet (null while off).
      await w.stored.systemsApi.stations
        .put(w.stationId, w.stationName, server.status().url, w.now().toISOString())
        .catch((error: unknown) => w.log(`systems API: address not shared with the fleet: ${(error as Error).message}`));
    },
    close: async () => {
      clearInterval(pruner);
      await server.close();
    },
    view: async () => ({ status: server.status(), tokens: (await tokens.list()).map(toView) }),
    createToken: async (input, by) => {
      const name = ApiTokenName.parse(input.name);
      const scopes = [...new Set(input.scopes.map((s) => ApiScope.parse(s)))];
      const secret = newTokenSecret();
      const record: ApiTokenRecord = {
        id: randomUUID(),
        name,
        tokenHash: hashToken(secret),
        scopes,
        createdAt: w.now().toISOString(),
        createdBy: by,
        lastUsedAt: null,
        revokedAt: null,
      };
      await tokens.insert(record);
      w.log(`API token "${name}" created by ${by} (${scopes.join(', ')})`, {
        event: 'api-token',
        token: name,
        scopes: scopes.join(','),
        operator: by,
      });
      return { token: toView(record), secret };
    },
    revokeToken: async (tokenId, by) => {
      const record = await tokens.revoke(tokenId, w.now().toISOString(), by);
      if (!record) throw new StationError('api_token_not_found', 'That API token is not in the list any more.', 'Reload Settings.');
      w.log(`API token "${record.name}" revoked by ${by}`, { event: 'api-token', token: record.name, operator: by });
      return toView(record);
    },
  };
}

/** The settings as a request naming a printer sees them: that printer is the default. */
function asDefault(settings: Settings, printerId: string): Settings {
  return { ...settings, printers: { ...settings.printers, defaultId: printerId } };
}

function toView(record: ApiTokenRecord & { createdBy?: string }): ApiTokenView {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes.filter((s): s is ApiTokenView['scopes'][number] => ApiScope.safeParse(s).success),
    createdAt: record.createdAt,
    createdBy: record.createdBy ?? '',
    lastUsedAt: record.lastUsedAt,
    revokedAt: record.revokedAt,
  };
}
