/**
 * Rerunnable fuzz suite (fast-check) on the real station core, through the same dispatch the shells
 * use: every contract method gets FUZZ_RUNS generated inputs (10,000 by default; each property is
 * also bounded in time), scans get FUZZ_RUNS generated barcodes against a loopback AfterShip, and
 * settings patches and order files theirs. What must hold every time: no crash, no unexpected
 * error (internal_error), a specific message a worker can read, and no label requested for
 * anything but a valid TikTok order ID.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { dispatch, type RpcResult } from '../../shared/rpc';
import { parseOrdersFile } from '../../electron/station/orders/orders-file-parse';
import { StationError } from '../../shared/errors';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { startStation, type Harness } from '../support/station-harness';
import { TEST_SUPERVISOR } from '../support/signed-in-core';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/**
 * Each property stops generating after this long (the CI bound; 0: no bound, every case runs); the
 * number of cases that ran is printed. A contract method's property gets METHOD_TIME_LIMIT_MS.
 */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 15_000);
const METHOD_TIME_LIMIT_MS = Number(process.env.FUZZ_METHOD_TIME_LIMIT_MS ?? 2_000);
const API_KEY = 'asat_fuzz_key_0123456789abcdef';
const VALID_ORDER = /^\d{18}$/;

/**
 * Handlers that reach hardware or the outside world on a valid call (they have their own tests):
 * their input validation is fuzzed like every other method, a valid call is only counted.
 */
const REACHES_OUTSIDE = new Set<MethodName>([
  'discoverPrinters',
  'testPrint',
  'getPrinterStatus',
  'listScaleDevices',
  'testScale',
  'startTikTokAuthorization',
  'finishTikTokAuthorization',
]);

let station: Harness;
let aftership: FakeAfterShip;
let printer: ZebraStatusPrinter;

beforeAll(async () => {
  aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
  printer = await startZebraStatusPrinter();
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
}, 60_000);
afterAll(async () => {
  await station?.close();
  await aftership?.close();
  await printer?.close();
});

function expectSpecific(result: RpcResult, what: string): void {
  if (result.ok) return;
  expect(result.problem.code, `${what}: ${result.problem.message}`).not.toBe('internal_error');
  expect(result.problem.message.trim().length, what).toBeGreaterThan(10);
  expect(result.problem.nextStep.trim().length, what).toBeGreaterThan(5);
}

/** Inputs shaped like the method's own: its field names with any values, or anything at all. */
function inputsFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract.methods[method].input as { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(undefined))])), {
          requiredKeys: [],
        })
      : fc.constant({});
  return fc.oneof(shaped, fc.anything(), fc.dictionary(fc.string(), fc.anything()));
}

/** Runs the property FUZZ_RUNS times or until the time limit; returns how many cases ran. */
async function assertFor<T>(property: fc.IAsyncProperty<[T]>, label: string, limitMs = TIME_LIMIT_MS): Promise<number> {
  let ran = 0;
  await fc.assert(property, {
    numRuns: RUNS,
    ...(limitMs > 0 && { interruptAfterTimeLimit: limitMs }),
    markInterruptAsFailure: false,
    reporter: (details) => {
      ran = details.numRuns;
      if (details.failed) throw new Error(`${label}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
    },
  });
  return ran;
}

describe('fuzz: every contract method', () => {
  it(`answers ${RUNS} generated inputs per method with a result or a specific problem, never an unexpected error`, async () => {
    const handlers = { ...station.core.handlers };
    for (const method of REACHES_OUTSIDE) (handlers as Record<string, unknown>)[method] = async () => undefined;
    const counts: string[] = [];
    for (const method of methodNames) {
      const ran = await assertFor(
        fc.asyncProperty(inputsFor(method), async (input) => {
          const result = await dispatch(handlers, method, input);
          // A valid call to a replaced handler fails output validation: that is the replacement, not the core.
          if (REACHES_OUTSIDE.has(method) && !result.ok && result.problem.code === 'internal_error') return;
          expectSpecific(result, `${method}(${safeJson(input)})`);
        }),
        method,
        METHOD_TIME_LIMIT_MS,
      );
      counts.push(`${method} ${ran}`);
    }
    console.log(`contract fuzz: ${counts.join(', ')}`);
    expect(aftership.created.every((label) => VALID_ORDER.test(label.orderId))).toBe(true);
  }, 3_600_000);
});

describe('fuzz: scans', () => {
  // Mostly wrong barcodes; now and then a valid order ID (bought and printed, so slower), alone or with junk around it.
  const barcode = fc.oneof(
    { arbitrary: fc.string({ maxLength: 60 }), weight: 6 },
    { arbitrary: fc.stringMatching(/^\d{1,30}$/), weight: 4 },
    { arbitrary: fc.stringMatching(/^#?\d{1,12}$/), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
    {
      arbitrary: fc.constantFrom('', ' ', '\u0000', 'BATCH:', 'BATCH:../../etc/passwd', '576477431806280001576477431806280001', '#1001'),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.stringMatching(/^57\d{16}$/), fc.constantFrom('', ' ', '\t', '\r', 'x', '\u0000', '\u200b'))
        .map(([id, tail]) => id + tail),
      weight: 1,
    },
  );

  it(`answers ${RUNS} generated scans with a specific message, and buys labels only for valid order IDs`, async () => {
    // The method fuzz may have signed the supervisor out: scans need somebody signed in.
    await station.core.handlers.signIn({ badge: TEST_SUPERVISOR.badge });
    const before = aftership.created.length;
    const ran = await assertFor(
      fc.asyncProperty(barcode, async (scan) => {
        const result = await dispatch(station.core.handlers, 'submitScan', { scan });
        expectSpecific(result, `submitScan(${safeJson(scan)})`);
        if (result.ok) {
          const outcome = result.value as { outcome: string; problem?: { code: string } };
          expect(outcome.problem?.code).not.toBe('internal_error');
        }
      }),
      'scans',
    );
    const bought = aftership.created.slice(before);
    console.log(`scan fuzz: ${ran} scans, ${bought.length} labels bought`);
    expect(bought.length).toBeGreaterThan(0);
    expect(bought.every((label) => VALID_ORDER.test(label.orderId))).toBe(true);
  }, 3_600_000);
});

describe('fuzz: settings and order files', () => {
  it(`answers ${RUNS} generated settings changes with saved settings or the field that is wrong`, async () => {
    const patch = fc.record(
      {
        provider: fc.oneof(fc.constantFrom('sandbox', 'aftership', 'nope'), fc.anything()),
        defaultParcel: fc.anything(),
        packing: fc.oneof(fc.record({ maxUnitsPerBox: fc.integer(), checkItems: fc.anything() }), fc.anything()),
        operators: fc.record({ idleSignOutMinutes: fc.oneof(fc.integer(), fc.double()), returnToScanSeconds: fc.anything() }),
        ordersFile: fc.oneof(fc.string(), fc.anything()),
        sandbox: fc.record({ latencyMs: fc.oneof(fc.integer(), fc.string()) }),
      },
      { requiredKeys: [] },
    );
    await station.core.handlers.signIn({ badge: TEST_SUPERVISOR.badge });
    const ran = await assertFor(
      fc.asyncProperty(patch, async (input) => {
        const result = await dispatch(station.core.handlers, 'updateSettings', input);
        expectSpecific(result, `updateSettings(${safeJson(input)})`);
        if (!result.ok && result.problem.code === 'invalid_input') expect(result.problem.fields?.length ?? 1).toBeGreaterThan(0);
      }),
      'settings',
    );
    console.log(`settings fuzz: ${ran} patches`);
  }, 3_600_000);

  it(`reads ${RUNS} generated order files into orders or says what is wrong with the file`, async () => {
    const header = fc.constantFrom(
      'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity',
      'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,barcode,weight,unit_weight,image_url,batch',
      'tiktok_order_id',
      '',
    );
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^\d{18}$/),
      fc.constantFrom('"', '""', ',', '\n', '-1', '1e9', 'AWAITING_SHIPMENT'),
    );
    const csv = fc
      .tuple(header, fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }))
      .map(([h, rows]) => [h, ...rows.map((r) => r.join(','))].join('\n'));
    const json = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ orders: v })),
    );
    const ran = await assertFor(
      fc.asyncProperty(
        fc.tuple(fc.oneof(csv, json, fc.string()), fc.constantFrom('orders.csv', 'orders.json')),
        async ([content, name]) => {
          try {
            parseOrdersFile(content, name);
          } catch (error) {
            expect(error, `${name}: ${safeJson(content)}`).toBeInstanceOf(StationError);
            expect((error as StationError).message.length).toBeGreaterThan(10);
          }
        },
      ),
      'order files',
    );
    console.log(`order file fuzz: ${ran} files`);
  }, 3_600_000);
});

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value).slice(0, 300);
  }
}
