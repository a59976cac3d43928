/** What the station shows while nobody is signed in: the sign-in screen, or at first start the first supervisor's form. */
import { useQuery } from '@tanstack/react-query';
import { operatorKeys } from '../api/operators';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { ProblemBox } from '../ui/ProblemBox';
import { FirstSupervisorScreen } from './FirstSupervisorScreen';
import { SignInScreen } from './SignInScreen';

export function SignInGate() {
  // Asked again each time somebody signs out: operators may have been added or changed meanwhile.
  const options = useQuery({ queryKey: operatorKeys.signInOptions, queryFn: () => station.getSignInOptions({}), refetchOnMount: 'always' });
  if (options.isError)
    return (
      <div className="screen-pad">
        <ProblemBox problem={toProblem(options.error)} />
      </div>
    );
  if (!options.data) return <p className="screen-pad">Loading…</p>;
  return options.data.firstSupervisorNeeded ? <FirstSupervisorScreen /> : <SignInScreen options={options.data} />;
}
