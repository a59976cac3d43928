/** The station's first start on a real provider: nobody exists to sign in, so the first supervisor is created here. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { NewOperator } from '../../shared/domain/operators';
import type { Problem } from '../../shared/errors';
import { fieldIssues } from '../../shared/errors';
import { operatorKeys } from '../api/operators';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { ProblemBox } from '../ui/ProblemBox';

export function FirstSupervisorScreen() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [badge, setBadge] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (pin !== pinAgain) {
      setProblem({
        code: 'invalid_input',
        message: 'The two PINs are not the same.',
        nextStep: 'Type the PIN twice, the same both times.',
      });
      return;
    }
    const parsed = NewOperator.safeParse({ name, role: 'supervisor', ...(pin && { pin }), ...(badge.trim() && { badge }) });
    if (!parsed.success) {
      const fields = fieldIssues(parsed.error);
      setProblem({ code: 'invalid_input', message: Object.values(fields).flat().join('. '), nextStep: 'Correct it and press Create.' });
      return;
    }
    setBusy(true);
    try {
      queryClient.setQueryData(operatorKeys.session, await station.createFirstSupervisor(parsed.data));
      void queryClient.invalidateQueries({ queryKey: operatorKeys.signInOptions });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in screen-pad first-supervisor" onSubmit={(e) => void submit(e)} data-testid="first-supervisor">
      <h1>Create the first supervisor</h1>
      <p>This station buys real labels and nobody can sign in yet. The first supervisor then adds the other operators in Settings.</p>
      {problem && <ProblemBox problem={problem} />}
      <label htmlFor="first-name">Name</label>
      <input id="first-name" className="text-input wide" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="first-pin">PIN (4 to 12 digits)</label>
      <input
        id="first-pin"
        className="text-input short"
        type="password"
        inputMode="numeric"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <label htmlFor="first-pin-again">The same PIN again</label>
      <input
        id="first-pin-again"
        className="text-input short"
        type="password"
        inputMode="numeric"
        value={pinAgain}
        onChange={(e) => setPinAgain(e.target.value)}
      />
      <label htmlFor="first-badge">Badge (optional: scan it here)</label>
      <input
        id="first-badge"
        className="text-input wide"
        type="password"
        autoComplete="off"
        value={badge}
        onChange={(e) => setBadge(e.target.value)}
      />
      <button className="button" type="submit" disabled={busy}>
        Create and sign in
      </button>
    </form>
  );
}
