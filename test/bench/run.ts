/** `npm run bench`: every benchmark in this folder, one after another (figures only, no pass/fail). */
await import('./pdf-to-zpl.bench');
await import('./label-raster.bench');
await import('./answer-to-print.bench');
await import('./print-queue.bench');
await import('./fleet-purchase.bench');
await import('./scan-burst.bench');
await import('./scale-latency.bench');
await import('./batch-throughput.bench');
await import('./scan-load.bench');

export {};
