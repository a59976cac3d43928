/**
 * The AfterShip fake in a worker thread (its own event loop): it stamps each request's arrival
 * without waiting for the station's event loop in the same process, as a remote AfterShip would.
 * Started by aftership-in-worker.ts; answers 'state' and 'close' messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeAfterShip, type FakeAfterShipOptions } from './aftership-server';

const fake = await startFakeAfterShip(workerData as FakeAfterShipOptions);
parentPort!.on('message', (message: { id: number; op: 'state' | 'close' }) => {
  if (message.op === 'close') {
    void fake.close().then(() => {
      parentPort!.postMessage({ id: message.id });
      parentPort!.close();
    });
    return;
  }
  parentPort!.postMessage({
    id: message.id,
    state: {
      created: fake.created.map(({ orderId, id }) => ({ orderId, id })),
      rateLimitedCount: fake.rateLimitedCount,
      apiArrivals: [...fake.apiArrivals],
      apiRequests: fake.requests.filter((r) => r.path.startsWith('/postmen/v3/')).length,
    },
  });
});
parentPort!.postMessage({ baseUrl: fake.baseUrl });
