/**
 * Shown while nobody is signed in: scan a badge (the field has the focus, a scanner types it and
 * Enter), or choose a name and type the PIN. A lock after wrong PINs is shown with its end. An order
 * scanned here is kept and scanned once somebody signs in.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SignInCredentials, SignInOptions } from '../../shared/domain/operators';
import type { Problem } from '../../shared/errors';
import { operatorKeys } from '../api/operators';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { runScan } from '../state/run-scan';
import { ProblemBox } from '../ui/ProblemBox';
import { sounds } from '../ui/sounds';
import { looksLikeOrder, usePendingScan } from './pending-scan';

export function SignInScreen({ options }: { options: SignInOptions }) {
  const queryClient = useQueryClient();
  const pendingScan = usePendingScan((s) => s.scan);
  const badgeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const chosenOperator = options.operators.find((o) => o.id === chosen);

  useEffect(() => badgeField.current?.focus(), []);
  useEffect(() => {
    if (chosen) pinField.current?.focus();
  }, [chosen]);

  async function signIn(credentials: SignInCredentials, typed: string) {
    try {
      const session = await station.signIn(credentials);
      queryClient.setQueryData(operatorKeys.session, session);
      sounds.success();
      const scan = usePendingScan.getState().take();
      if (scan) void runScan(scan, queryClient);
    } catch (error) {
      const refused = toProblem(error);
      if ('badge' in credentials && refused.code === 'badge_unknown' && looksLikeOrder(typed)) {
        usePendingScan.getState().keep(typed.trim());
        setProblem(null);
      } else {
        setProblem(refused);
        sounds.error();
      }
      (chosen ? pinField : badgeField).current?.focus();
    }
  }

  return (
    <div className="sign-in screen-pad" data-testid="sign-in">
      <h1>Sign in to pack</h1>
      {pendingScan && (
        <p className="sign-in-pending" data-testid="pending-scan">
          Sign in first: order <span className="mono">{pendingScan}</span> is kept and will be scanned as soon as you sign in.
        </p>
      )}
      {problem && <ProblemBox problem={problem} />}
      <div className="sign-in-ways">
        <section className="sign-in-way">
          <label htmlFor="badge-input" className="scan-label">
            Scan your badge
          </label>
          <input
            id="badge-input"
            ref={badgeField}
            data-testid="badge-input"
            className="scan-input"
            type="password"
            autoComplete="off"
            onFocus={() => setChosen(null)}
            onKeyDown={(e) => {
              const text = e.currentTarget.value;
              if (e.key === 'Enter' && text.trim()) {
                e.preventDefault();
                // Emptied now, not when the answer comes: the next scan may already be typing.
                e.currentTarget.value = '';
                void signIn({ badge: text.trim() }, text);
              }
            }}
          />
        </section>
        <section className="sign-in-way">
          <h2>or choose your name</h2>
          <div className="sign-in-names" role="listbox" aria-label="Your name">
            {options.operators
              .filter((o) => o.hasPin)
              .map((o) => (
                <button
                  key={o.id}
                  type="button"
                  role="option"
                  aria-selected={chosen === o.id}
                  className={chosen === o.id ? 'button sign-in-name chosen' : 'button button-secondary sign-in-name'}
                  data-testid="sign-in-name"
                  onClick={() => {
                    setChosen(o.id);
                    pinField.current?.focus();
                  }}
                >
                  {o.name}
                  {o.role === 'supervisor' && <span className="role-tag">supervisor</span>}
                </button>
              ))}
          </div>
          {chosenOperator && (
            <div className="sign-in-pin">
              <label htmlFor="pin-input">PIN for {chosenOperator.name}</label>
              <input
                id="pin-input"
                ref={pinField}
                data-testid="pin-input"
                className="text-input short"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                onKeyDown={(e) => {
                  const typed = e.currentTarget.value.trim();
                  if (e.key === 'Enter' && typed) {
                    e.preventDefault();
                    e.currentTarget.value = '';
                    // A badge scanned while this field had the focus is a badge, not a wrong PIN.
                    if (/^\d{1,12}$/.test(typed)) void signIn({ operatorId: chosenOperator.id, pin: typed }, '');
                    else void signIn({ badge: typed }, typed);
                  } else if (e.key === 'Escape') {
                    setChosen(null);
                    badgeField.current?.focus();
                  }
                }}
              />
            </div>
          )}
        </section>
      </div>
      {options.demoUsers.length > 0 && (
        <section className="demo-users" data-testid="demo-users">
          <h2>
            <span className="provider provider-sandbox">DEMO · SANDBOX</span> users for trying the station
          </h2>
          <p>They exist only while the station uses the sandbox and has no operators of its own: no real label is ever bought.</p>
          <table>
            <tbody>
              {options.demoUsers.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.role}</td>
                  <td>
                    PIN <span className="mono">{u.pin}</span>
                  </td>
                  <td>
                    badge <span className="mono">{u.badge}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
