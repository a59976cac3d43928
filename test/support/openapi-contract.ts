/**
 * Checks requests and answers of the Station API against the COMMITTED OpenAPI document
 * (docs/station-api.openapi.json) with ajv's JSON Schema 2020-12 (OpenAPI 3.1's dialect): an answer
 * whose status or body the document does not describe fails the test that got it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PROJECT_ROOT } from './paths';

export const OPENAPI_PATH = path.join(PROJECT_ROOT, 'docs', 'station-api.openapi.json');

type Json = Record<string, any>;

export function loadOpenApi(): Json {
  return JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;
}

const doc = loadOpenApi();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(doc, 'openapi');

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The documented path template an actual path falls under ("/v1/labels/abc" -> "/v1/labels/{labelId}"). */
export function templateOf(actual: string): string {
  for (const template of Object.keys(doc.paths as Json)) {
    const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (re.test(actual)) return template;
  }
  throw new Error(`${actual} is not a path of the OpenAPI document`);
}

function check(ref: string, value: unknown, what: string): void {
  const validate = ajv.getSchema(`openapi#/${ref}`);
  if (!validate) throw new Error(`${what}: no schema at ${ref}`);
  if (!validate(value)) throw new Error(`${what} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`);
}

export function checkRequest(method: string, actualPath: string, body: unknown): void {
  const template = templateOf(actualPath);
  const op = (doc.paths as Json)[template]?.[method.toLowerCase()] as Json | undefined;
  if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  if (body === undefined) return;
  check(
    pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'),
    body,
    `request ${method} ${template}`,
  );
}

/** Validates an answer: its status must be documented for the operation, and its body match that status's schema. */
export function checkResponse(method: string, actualPath: string, status: number, contentType: string, body: unknown): void {
  const template = templateOf(actualPath);
  const op = (doc.paths as Json)[template]?.[method.toLowerCase()] as Json | undefined;
  if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  const response = (op.responses as Json)[String(status)] as Json | undefined;
  if (!response) throw new Error(`${method} ${template} answered ${status}, which the OpenAPI document does not list`);
  const type = contentType.split(';')[0]!.trim();
  const content = (response.content ?? {}) as Json;
  if (!(type in content))
    throw new Error(`${method} ${template} ${status} answered ${type}; the document lists ${Object.keys(content).join(', ')}`);
  if (type === 'application/json' || type === 'application/problem+json') {
    check(
      pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', type, 'schema'),
      body,
      `answer ${status} to ${method} ${template}`,
    );
  }
}
