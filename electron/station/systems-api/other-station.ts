/**
 * A label asked for another named station: a station prints only on its own printers, so the
 * request is passed on to that station's Station API (its address is in the fleet's database) with
 * the caller's token and Idempotency-Key, and its answer comes back as it is. A request already
 * passed on once, or for a station whose API is off or unknown, is answered 421 saying whom to call.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ProblemDetails } from './api-schemas';
import type { LabelRequestBody } from './api-schemas';
import type { SystemsApiPorts } from './ports';
import { problem } from './problem-details';

/** Marks a request one station passed on to another: it is never passed on again. */
export const FORWARDED_BY = 'x-label-station-forwarded-by';

/** A purchase and its print take seconds; a slow provider up to a couple of minutes. */
const FORWARD_TIMEOUT_MS = 150_000;

export interface Relayed {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  outcome: string;
}

export async function askOtherStation(
  ports: SystemsApiPorts,
  body: LabelRequestBody & { station: string },
  headers: IncomingHttpHeaders,
): Promise<Relayed> {
  const here = ports.stationName;
  const there = body.station;
  const refuse = (details: ProblemDetails): Relayed => ({ status: details.status, body: details, headers: {}, outcome: details.code });
  if (headers[FORWARDED_BY]) {
    return refuse(
      problem(
        'other_station',
        `Station "${headers[FORWARDED_BY]}" passed on a label request for "${there}" to this station, which is "${here}".`,
        `Check the station names in each station's Settings (LABEL_STATION_NAME) and call the Station API of "${there}" itself.`,
      ),
    );
  }
  const url = await ports.stationUrl(there).catch(() => undefined);
  if (!url) {
    return refuse(
      problem(
        'other_station',
        `This is station "${here}"; the label was asked for station "${there}", whose Station API is off or unknown to this warehouse. A station prints only on its own printers.`,
        `Turn the Station API on at "${there}" (Settings → Systems API) and send the request to it, or leave \`station\` out to print here.`,
      ),
    );
  }
  let response: Response;
  try {
    response = await fetch(`${url}/v1/labels`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: String(headers.authorization ?? ''),
        'idempotency-key': String(headers['idempotency-key'] ?? ''),
        [FORWARDED_BY]: here,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
  } catch (error) {
    const details = problem(
      'station_unreachable',
      `Station "${there}" (${url}) did not answer (${(error as Error).message}); this station passed the request on and nothing was bought here.`,
      `Retry the same request with the same Idempotency-Key, or call ${url} directly.`,
    );
    return { status: details.status, body: details, headers: { 'retry-after': '10' }, outcome: details.code };
  }
  const text = await response.text();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    const details = problem('station_unreachable', `Station "${there}" (${url}) gave an answer that is not JSON.`, `Call ${url} directly.`);
    return refuse(details);
  }
  const relayed: Record<string, string> = {};
  for (const name of ['idempotent-replayed', 'retry-after']) {
    const value = response.headers.get(name);
    if (value) relayed[name] = value;
  }
  const outcome = (answer as { outcome?: string; code?: string }).outcome ?? (answer as { code?: string }).code ?? '';
  return { status: response.status, body: answer, headers: relayed, outcome: `${outcome} at ${there}` };
}
