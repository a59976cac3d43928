/**
 * Load, bounded for CI: scans in a row through one station process all print once, the history
 * holds each label once and the print queue is empty at the end. Memory is printed, not asserted
 * (a GC's timing is not behaviour); the 1,000-scan figures and the RSS ratio are in
 * test/bench/scan-load.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { runScanLoad } from '../../../support/scan-load';

const SCANS = Number(process.env.LOAD_SCANS ?? 200);

describe('scans in a row through one station process', () => {
  it(`prints ${SCANS} scans once each, and the history and the print queue keep up`, async () => {
    const result = await runScanLoad(SCANS);
    console.log(
      `scan load: ${result.scans} scans, ${result.msPerScan.toFixed(1)} ms each; RSS after 100 ${result.rssAfter100Mb.toFixed(1)} MB, at the end ${result.rssAtEndMb.toFixed(1)} MB`,
    );
    expect(result).toMatchObject({ printed: SCANS, labelsInHistory: SCANS, jobsWaiting: 0 });
  }, 300_000);
});
