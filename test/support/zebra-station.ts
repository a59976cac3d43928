/** A station on its embedded sandbox provider whose printer is a loopback Zebra (test/fakes/zebra-status-printer.ts). */
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { startStation, type Harness } from './station-harness';

export interface ZebraStation {
  station: Harness;
  printer: ZebraStatusPrinter;
  close(): Promise<void>;
}

export async function startZebraStation(): Promise<ZebraStation> {
  const printer = await startZebraStatusPrinter();
  const station = await startStation({});
  await station.call('updateSettings', { printer: { address: printer.address } });
  return {
    station,
    printer,
    close: async () => {
      await station.close();
      await printer.close();
    },
  };
}
