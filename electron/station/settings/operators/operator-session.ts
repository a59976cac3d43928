/**
 * Who is signed in at this station: held in memory only (a restart signs everybody out), told to
 * listeners (the core sends it to the screens as the operatorSession event).
 */
import type { SignedInOperator } from '../../../../shared/domain/operators';

export interface SessionState {
  operator: SignedInOperator | null;
  since: string | null;
}

export class OperatorSessionState {
  private state: SessionState = { operator: null, since: null };
  private readonly listeners = new Set<(state: SessionState) => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  current(): SessionState {
    return this.state;
  }

  signIn(operator: SignedInOperator): SessionState {
    this.set({ operator, since: this.now().toISOString() });
    return this.state;
  }

  signOut(): SessionState {
    if (this.state.operator) this.set({ operator: null, since: null });
    return this.state;
  }

  /** The same operator with a new name or role (changed by a supervisor meanwhile). */
  refresh(operator: SignedInOperator): void {
    const was = this.state.operator;
    if (was && was.id === operator.id && (was.name !== operator.name || was.role !== operator.role)) {
      this.set({ operator, since: this.state.since });
    }
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
