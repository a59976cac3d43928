/**
 * Writes the Station API's OpenAPI 3.1 document (generated from its zod schemas) to
 * docs/station-api.openapi.json: `npm run openapi`. test/electron/station/systems-api/openapi.test.ts
 * fails when the committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../electron/station/systems-api';

export const OPENAPI_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'station-api.openapi.json');

mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
writeFileSync(OPENAPI_FILE, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
