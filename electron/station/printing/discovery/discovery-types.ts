/** A printer found on this computer, ready to put in Settings. */
export interface DiscoveredPrinter {
  /** The address for Settings: cups:QUEUE, /dev/usb/lp0 or windows:NAME. */
  address: string;
  /** What the worker sees in the list. */
  name: string;
  kind: 'cups' | 'device' | 'windows';
  /** Where it is connected or what it is (device URI, driver, USB model). */
  detail?: string;
}
