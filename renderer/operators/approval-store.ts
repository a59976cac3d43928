/** The one supervisor approval being asked for (the dialog shows it), and how its answer gets back. */
import { create } from 'zustand';
import type { SupervisorApproval } from '../../shared/domain/operators';
import type { Problem } from '../../shared/errors';

interface ApprovalRequest {
  action: string;
  /** Why the last approval was refused (wrong PIN, locked, not a supervisor), shown in the dialog. */
  problem?: Problem;
  answer(approval: SupervisorApproval | null): void;
}

interface ApprovalState {
  pending: ApprovalRequest | null;
  request(action: string, problem?: Problem): Promise<SupervisorApproval | null>;
}

export const useApprovalStore = create<ApprovalState>((set, get) => ({
  pending: null,
  request: (action, problem) =>
    new Promise((resolve) => {
      get().pending?.answer(null); // one dialog at a time: an older question is cancelled
      set({
        pending: {
          action,
          ...(problem && { problem }),
          answer: (approval) => {
            set({ pending: null });
            resolve(approval);
          },
        },
      });
    }),
}));
