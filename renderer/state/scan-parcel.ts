/** The parcel a scan declares: `send` goes to the station (none: its default), `declared` is shown. */
import type { Parcel } from '../../shared/domain/parcels';

export interface ScanParcel {
  send?: Parcel;
  declared: Parcel;
  boxName?: string;
}
