/** The tests' one outcome check fails with the station's own words, never silently. */
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../shared/contract';
import { expectOutcome } from './expect-outcome';

const refused = {
  outcome: 'failed',
  jobId: 'job-1',
  problem: { code: 'order_cancelled', message: 'TikTok Shop says order 576 is cancelled.', nextStep: 'Put it aside.' },
} as ScanOutcome;

describe('expectOutcome', () => {
  it('passes the outcome (and problem) asked for', () => {
    expect(() => expectOutcome(refused, 'failed')).not.toThrow();
    expect(() => expectOutcome(refused, 'failed', 'order_cancelled')).not.toThrow();
  });

  it('throws with what the station said when the scan ended otherwise', () => {
    expect(() => expectOutcome(refused, 'printed')).toThrow(
      'expected the scan to end "printed", but it ended "failed" (order_cancelled: TikTok Shop says order 576 is cancelled.)',
    );
    expect(() => expectOutcome(refused, 'failed', 'purchase_unknown')).toThrow(/"failed" with purchase_unknown/);
  });
});
