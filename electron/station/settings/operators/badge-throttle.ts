/**
 * Unknown badges are counted: after too many in a short time, badge sign-in and approval pause for
 * everyone at this station. A badge is a password that a scanner types, so guessing badges through
 * the contract (anyone holding the renderer's token) must be as slow as guessing PINs. Known badges
 * wait too while paused: otherwise a guess that hits would still get through. PINs still work.
 */
export const UNKNOWN_BADGES_ALLOWED = 10;
export const UNKNOWN_BADGE_WINDOW_MS = 60_000;
export const BADGE_PAUSE_MS = 60_000;

export class BadgeThrottle {
  private unknownAt: number[] = [];
  private pausedUntil = 0;

  constructor(private readonly now: () => Date) {}

  /** The end of the pause (ISO), while badges are paused; undefined otherwise. */
  pausedTill(): string | undefined {
    return this.now().getTime() < this.pausedUntil ? new Date(this.pausedUntil).toISOString() : undefined;
  }

  /** Counts an unknown badge; true when that one started a pause. */
  unknown(): boolean {
    const at = this.now().getTime();
    this.unknownAt = [...this.unknownAt.filter((t) => at - t < UNKNOWN_BADGE_WINDOW_MS), at];
    if (this.unknownAt.length < UNKNOWN_BADGES_ALLOWED) return false;
    this.unknownAt = [];
    this.pausedUntil = at + BADGE_PAUSE_MS;
    return true;
  }
}
