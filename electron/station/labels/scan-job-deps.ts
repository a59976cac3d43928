/** What a scan, a purchase and the background label checks need from the station core. */
import type { EventName, EventPayload } from '../../../shared/contract';
import type { LabelHistory } from '../history';
import type { OrderSources } from '../orders';
import type { LabelCheckTiming } from './checking-window';
import type { LabelPrintingDeps } from './label-printing';

export interface ScanJobDeps extends LabelPrintingDeps {
  history: LabelHistory;
  events: { emit<E extends EventName>(event: E, payload: EventPayload<E>): void };
  orderSources: OrderSources;
  /** Shown in the history as where a label was bought (the station's name, else its host name). */
  stationName: string;
  /** The station's own id: which rows in a shared history are this station's. */
  stationId: string;
  /** Orders a scan or a supervisor's action is working on in this process right now. */
  inFlight: Set<string>;
  /** Orders the background checker is asking the provider about: a scan waits for that answer. */
  backgroundChecks: Map<string, Promise<void>>;
  /** Labels this process bought without a clear answer: printed here when the label turns up. */
  printWhenFound: Set<string>;
  checks: LabelCheckTiming;
  now: () => Date;
  /** The acting supervisor's operator ID (the approver's, else the signed-in one's), for what the label records. */
  operatorId?: string;
}
