/** The committed OpenAPI document is the one the zod schemas make, is served, and is valid JSON Schema 2020-12 throughout. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../../../electron/station/systems-api';
import { checkResponse, loadOpenApi, OPENAPI_PATH } from '../../../support/openapi-contract';
import { startStation, type Harness } from '../../../support/station-harness';
import { callApi, enableApi } from '../../../support/systems-api-client';

describe('the OpenAPI document', () => {
  it('is committed as the schemas make it (run `npm run openapi` after changing the API)', () => {
    const committed = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as unknown;
    expect(committed, 'docs/station-api.openapi.json is stale: run `npm run openapi` and commit it').toEqual(
      JSON.parse(JSON.stringify(openApiDocument())),
    );
  });

  it('is OpenAPI 3.1 and every schema in it compiles as JSON Schema 2020-12', () => {
    const doc = loadOpenApi();
    expect(doc.openapi).toBe('3.1.0');
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.compile(doc.components.schemas.Problem);
    let count = 0;
    const walk = (node: unknown, key = ''): void => {
      if (!node || typeof node !== 'object') return;
      if (key === 'schema') {
        if (!('$ref' in node)) {
          ajv.compile(node);
          count++;
        }
        return;
      }
      for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(doc.paths);
    expect(count).toBeGreaterThan(10);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/openapi.json') continue;
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403', '429', '500']));
      }
    }
  });

  it('catches answers it does not describe (the contract checker bites)', () => {
    expect(() => checkResponse('GET', '/v1/printers', 418, 'application/json', [])).toThrow(/does not list/);
    expect(() => checkResponse('GET', '/v1/printers', 200, 'application/json', [{ id: 'x' }])).toThrow(/does not match/);
    expect(() => checkResponse('GET', '/v1/labels/abc', 404, 'application/problem+json', { code: 'label_not_found' })).toThrow(
      /does not match/,
    );
  });
});

describe('GET /openapi.json', () => {
  let station: Harness;
  beforeAll(async () => {
    station = await startStation({});
  });
  afterAll(async () => {
    await station.close();
  });

  it('serves the committed document without a token', async () => {
    const url = await enableApi(station);
    const served = await callApi(url, 'GET', '/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(loadOpenApi());
  });
});
