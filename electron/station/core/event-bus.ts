/** The station's event bus: typed by the contract's event table. */
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { StationEvents } from './core-types';

export class JobEvents implements StationEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}
