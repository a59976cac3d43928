/**
 * Scans in a row through one station process (its own Node process, as a shell runs it): sandbox
 * provider, the loopback Zebra. Reports the process's resident memory after the first 100 scans and
 * at the end, and whether the print queue and the history kept up. Used by the load test (bounded)
 * and by test/bench/scan-load.bench.ts (1,000 scans).
 */
import { readFileSync } from 'node:fs';
import { bundleTestScript } from './child-station';
import { startStationProcess } from './station-processes';
import { makeTempDir } from './temp-dir';
import { startZebraStatusPrinter } from '../fakes/zebra-status-printer';

export interface ScanLoadResult {
  scans: number;
  printed: number;
  labelsInHistory: number;
  jobsWaiting: number;
  rssAfter100Mb: number;
  rssAtEndMb: number;
  msPerScan: number;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

export async function runScanLoad(scans: number): Promise<ScanLoadResult> {
  const printer = await startZebraStatusPrinter();
  const dir = makeTempDir();
  const script = await bundleTestScript('station-process');
  const station = await startStationProcess(
    script.script,
    dir.dir,
    { LABEL_STATION_SANDBOX_LATENCY_MS: '0', LABEL_STATION_PRINTER: printer.address },
    { printTiming: { statusPollMs: 50, settleWaitMs: 8000 } },
  );
  try {
    const pid = station.child.pid!;
    let printed = 0;
    let rssAfter100Mb = 0;
    const started = performance.now();
    for (let i = 1; i <= scans; i++) {
      const outcome = await station.call('submitScan', { scan: `5764774318${String(i).padStart(8, '0')}` });
      if (outcome.outcome === 'printed') printed++;
      if (i === Math.min(100, scans)) rssAfter100Mb = rssMb(pid);
    }
    const msPerScan = (performance.now() - started) / scans;
    const rssAtEndMb = rssMb(pid);
    const history = await station.call('searchHistory', { query: '', filter: 'all', limit: 1, offset: 0 });
    const queue = await station.call('getPrintQueue', {});
    return { scans, printed, labelsInHistory: history.total ?? 0, jobsWaiting: queue.jobs.length, rssAfter100Mb, rssAtEndMb, msPerScan };
  } finally {
    await station.close();
    await printer.close();
    script.remove();
    dir.remove();
  }
}
