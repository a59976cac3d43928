/**
 * The splitter's rules in one place, for the splitter screen and the station core alike: grouping
 * an order's line items, checking a plan before anything is bought, suggesting boxes, the
 * providers' limits and unit conversions. Each rule lives in its own file; this is their index.
 */
export { BoxPreset, BoxPresets, PackingRule, needsSplitter, unitsOf } from './box-presets';
export { describeLineItem, groupKeyOf, groupLineItems, type ItemGroup } from './item-groups';
export { pickScannedItem, type ScannedItem } from './scan-item';
export { checkShipmentPlan, hasProviderLineItemIds, problemsAt, type PlanDraft, type ShipmentProblem } from './shipment-check';
export { MAX_BOXES_PER_SHIPMENT, shipmentLimits, type ShipmentLimits } from './shipment-limits';
export { suggestBoxes, suggestShipment, type SuggestedShipment } from './suggest-boxes';
export {
  LENGTH_UNITS,
  WEIGHT_UNITS,
  centimetresOf,
  convertDimension,
  convertLength,
  convertWeight,
  formatDimension,
  formatLength,
  formatWeight,
  gramsOf,
  lengthPlusGirthInCm,
  roundLength,
  roundWeight,
  sidesInCm,
  volumeInCm3,
  type Length,
  type LengthUnit,
  type WeightUnit,
} from './units';
