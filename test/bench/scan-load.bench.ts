/**
 * 1,000 scans in a row through one station process (sandbox, loopback Zebra): resident memory after
 * the first 100 and at the end (target: the end within 10 % of the first), time per scan, and that
 * every label printed once. `LOAD_SCANS` changes the count.
 */
import { runScanLoad } from '../support/scan-load';

const SCANS = Number(process.env.LOAD_SCANS ?? 1000);
const result = await runScanLoad(SCANS);
const ratio = result.rssAtEndMb / result.rssAfter100Mb;
console.log(`Scan load: ${result.scans} scans in one station process, ${result.msPerScan.toFixed(1)} ms per scan`);
console.log(
  `  RSS after 100 scans ${result.rssAfter100Mb.toFixed(1)} MB, after ${result.scans} ${result.rssAtEndMb.toFixed(1)} MB: ratio ${ratio.toFixed(3)} (target <= 1.10) ${ratio <= 1.1 ? 'met' : 'NOT met'}`,
);
console.log(
  `  printed ${result.printed}/${result.scans}, labels in history ${result.labelsInHistory}, jobs still waiting ${result.jobsWaiting}`,
);

export {};
