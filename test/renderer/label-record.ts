/** A label record as the station sends it, for the screens' pure logic. */
import type { LabelRecord } from '../../shared/domain/labels';

export function labelRecord(overrides: Partial<LabelRecord> = {}): LabelRecord {
  return {
    id: 'label-1',
    orderId: '577100000000000101',
    provider: 'aftership',
    sandbox: false,
    providerLabelId: null,
    trackingNumbers: [],
    cost: null,
    status: 'checking',
    createdAt: '2026-12-04T14:30:05.000Z',
    updatedAt: '2026-12-04T14:30:05.000Z',
    operator: 'Maria',
    printer: 'tcp://10.0.0.5:9100',
    format: null,
    filePath: null,
    error: null,
    printCount: 0,
    station: 'Packing 1',
    checkUntil: null,
    boxes: [],
    ...overrides,
  };
}
