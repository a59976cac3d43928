/**
 * The first supervisor of a fleet, preset by environment (LABEL_STATION_SUPERVISOR_NAME with
 * LABEL_STATION_SUPERVISOR_PIN and/or LABEL_STATION_SUPERVISOR_BADGE): created when no operator of
 * that name exists, never overwritten. The values never reach a log or an error message.
 */
import { BadgeCode, OperatorName, Pin, type NewOperator } from '../../../../shared/domain/operators';
import { StationError } from '../../../../shared/errors';

const VARIABLES = {
  name: 'LABEL_STATION_SUPERVISOR_NAME',
  pin: 'LABEL_STATION_SUPERVISOR_PIN',
  badge: 'LABEL_STATION_SUPERVISOR_BADGE',
} as const;

export function readSupervisorPreset(env: Record<string, string | undefined>): NewOperator | undefined {
  const raw = {
    name: env[VARIABLES.name]?.trim() || undefined,
    pin: env[VARIABLES.pin]?.trim() || undefined,
    badge: env[VARIABLES.badge]?.trim() || undefined,
  };
  if (!raw.name && !raw.pin && !raw.badge) return undefined;
  if (!raw.name) throw invalid(VARIABLES.name, 'it is needed with a supervisor PIN or badge');
  if (!raw.pin && !raw.badge) throw invalid(VARIABLES.pin, `set it (or ${VARIABLES.badge}) with ${VARIABLES.name}`);
  const name = OperatorName.safeParse(raw.name);
  if (!name.success) throw invalid(VARIABLES.name, name.error.issues[0]?.message ?? 'unreadable');
  const preset: NewOperator = { name: name.data, role: 'supervisor' };
  if (raw.pin) {
    const pin = Pin.safeParse(raw.pin);
    if (!pin.success) throw invalid(VARIABLES.pin, pin.error.issues[0]?.message ?? 'unreadable');
    preset.pin = pin.data;
  }
  if (raw.badge) {
    const badge = BadgeCode.safeParse(raw.badge);
    if (!badge.success) throw invalid(VARIABLES.badge, badge.error.issues[0]?.message ?? 'unreadable');
    preset.badge = badge.data;
  }
  return preset;
}

/** Names the variable, never its value. */
function invalid(variable: string, why: string): StationError {
  return new StationError(
    'invalid_env',
    `${variable} is not valid: ${why}.`,
    `Fix or remove ${variable} in the station's environment and start it again.`,
  );
}
