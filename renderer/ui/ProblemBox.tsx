import type { Problem } from '../../shared/errors';

/** A problem in the worker's words: what happened, then what to do. */
export function ProblemBox({ problem, size = 'normal' }: { problem: Problem; size?: 'normal' | 'large' }) {
  return (
    <div className={`problem problem-${size}`} role="alert" data-testid="problem">
      <p className="problem-message">{problem.message}</p>
      <p className="problem-next">
        <strong>What to do: </strong>
        {problem.nextStep}
      </p>
    </div>
  );
}
