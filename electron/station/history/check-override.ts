/** The label's check_override column (JSON) read back. */
import { CheckOverride } from '../../../shared/domain/labels';

/** The stored override, or null: none, or a value this version cannot read (shown as not skipped, never a crash). */
export function checkOverrideOf(json: string | null | undefined): CheckOverride | null {
  if (!json) return null;
  try {
    const parsed = CheckOverride.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
