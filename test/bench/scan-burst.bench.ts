/**
 * "A scan starts its purchase at once, from any screen": the time from a scanner burst's Enter in
 * the real renderer (headless Chromium, browser shell) to the station core starting to buy that
 * order ('buying' progress), on the Scan screen and on History (the burst is taken out of History's
 * search box and made on the Scan screen). The reference, in the same run, is the same scan handed
 * straight to the core (no page, no burst detection), so the ratio shows what the screen costs.
 * Needs a built renderer (npx vite build). Run: npx tsx test/bench/scan-burst.bench.ts [scans=30]
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/browser';
import { openStation, startStation } from '../support/e2e-station';

const SCANS = Number(process.argv[2] ?? 30);
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
const orderId = (series: number, i: number) => `576${String(700_000_000_000_000 + series * 1000 + i).padStart(15, '0')}`;

const station = await startStation();
const buyingAt = new Map<string, number>();
station.core.events.on('jobProgress', (e) => {
  if (e.step === 'buying' && e.orderId && !buyingAt.has(e.orderId)) buyingAt.set(e.orderId, performance.now());
});
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });

async function waitFor(order: string): Promise<number> {
  for (let i = 0; i < 500 && !buyingAt.has(order); i++) await new Promise((r) => setTimeout(r, 5));
  const at = buyingAt.get(order);
  if (at === undefined) throw new Error(`order ${order} never started buying`);
  return at;
}

async function viaPage(series: number, screen: 'F1' | 'F2'): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SCANS + 3; i++) {
    const order = orderId(series, i);
    await page.keyboard.press(screen);
    await page.waitForTimeout(150);
    await page.keyboard.type(order, { delay: 5 });
    const sent = performance.now();
    await page.keyboard.press('Enter');
    const started = await waitFor(order);
    await page.getByTestId('outcome-good').waitFor({ timeout: 15_000 });
    if (i >= 3) samples.push(started - sent);
  }
  return samples.sort((a, b) => a - b);
}

async function direct(series: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SCANS + 3; i++) {
    const order = orderId(series, i);
    const sent = performance.now();
    const done = station.core.handlers.submitScan({ scan: order });
    const started = await waitFor(order);
    await done;
    if (i >= 3) samples.push(started - sent);
  }
  return samples.sort((a, b) => a - b);
}

try {
  await openStation(page, station.shell);
  const onScan = await viaPage(1, 'F1');
  const onHistory = await viaPage(2, 'F2');
  const reference = await direct(3);
  console.log(`scanner burst Enter -> purchase starts, ${SCANS} scans each (real renderer in headless Chromium, real core, sandbox)`);
  for (const [name, s] of [
    ['burst on the Scan screen', onScan],
    ['burst on History (made on Scan)', onHistory],
    ['scan handed to the core (reference)', reference],
  ] as const) {
    console.log(
      `${name.padEnd(38)} p50 ${pct(s, 0.5).toFixed(1).padStart(6)} ms   p95 ${pct(s, 0.95).toFixed(1).padStart(6)} ms   max ${s.at(-1)!.toFixed(1).padStart(6)} ms`,
    );
  }
  console.log(
    `ratio p50 Scan screen / reference: ${(pct(onScan, 0.5) / pct(reference, 0.5)).toFixed(2)}; History / reference: ${(pct(onHistory, 0.5) / pct(reference, 0.5)).toFixed(2)}`,
  );
} finally {
  await browser.close();
  await station.close();
}
