/**
 * What the Station API needs from the station, handed in by the core as functions: it never reaches
 * into another room. Label requests go through the same paths as the Scan screen and the splitter.
 */
import type { PrintOutcome, ScanOutcome, ShipmentOutcome } from '../../../shared/contract';
import type { HealthReport } from '../../../shared/domain/health';
import type { DaySummary } from '../../../shared/domain/reports';
import type { HistoryPage, HistorySearchInput } from '../../../shared/domain/history-search';
import type { LabelDetail, LabelFormat } from '../../../shared/domain/labels';
import type { Log } from '../../../shared/domain/log';
import type { LabelRequestBody, PrinterList, ReprintBody } from './api-schemas';

export interface ApiToken {
  id: string;
  name: string;
  tokenHash: string;
  scopes: string[];
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenStore {
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  touch(id: string, at: string): Promise<void>;
}

export interface IdempotencyStore {
  claim(
    tokenId: string,
    key: string,
    requestHash: string,
    stationId: string,
    at: string,
  ): Promise<
    | { claimed: true }
    | {
        claimed: false;
        record: {
          requestHash: string;
          state: 'running' | 'done';
          stationId: string;
          status: number | null;
          response: string | null;
          updatedAt: string;
        };
      }
  >;
  retake(tokenId: string, key: string, at: string): Promise<void>;
  finish(tokenId: string, key: string, status: number, response: string, at: string): Promise<void>;
  release(tokenId: string, key: string): Promise<void>;
}

/** A label request's outcome: one parcel (the scan job) or a shipment in boxes (the splitter's purchase). */
export type LabelRequestOutcome = { kind: 'scan'; outcome: ScanOutcome } | { kind: 'shipment'; outcome: ShipmentOutcome };

export interface SystemsApiPorts {
  /** This station's name (the history's "bought at"), to answer a request meant for another station. */
  stationName: string;
  stationId: string;
  /** Where another station's Station API listens (the fleet's database); undefined when off or unknown. */
  stationUrl(name: string): Promise<string | undefined>;
  tokens: TokenStore;
  idempotency: IdempotencyStore;
  /** `caller`: how records name the caller ("API: WMS production"). */
  requestLabel(body: LabelRequestBody, caller: string): Promise<LabelRequestOutcome>;
  getLabel(labelId: string): Promise<LabelDetail>;
  labelFile(labelId: string): Promise<{ bytes: Uint8Array; format: LabelFormat; orderId: string }>;
  reprint(labelId: string, body: ReprintBody, caller: string): Promise<PrintOutcome>;
  searchHistory(search: HistorySearchInput): Promise<HistoryPage>;
  health(): Promise<HealthReport>;
  /** The end-of-day summary of a day of the station's calendar (the fleet's, counted per station). */
  daySummary(date: string | undefined): Promise<DaySummary>;
  printers(): PrinterList;
  log: Log;
  now(): Date;
}
