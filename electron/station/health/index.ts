/** The health room: figures the providers and the print queue report, in bounded memory, and the light they make. */
export {
  HealthMonitor,
  MAX_PRINTERS,
  type PrinterEvents,
  type PrinterFigures,
  type ProviderEvents,
  type ProviderFigures,
} from './health-monitor';
export * from './health-light';
export * from '../../../shared/domain/health-thresholds';
