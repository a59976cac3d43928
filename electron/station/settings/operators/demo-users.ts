/**
 * The sandbox's demo users: public names, PINs and badges shown on the sign-in screen so anyone can
 * try the station. They are not stored: they exist only while the provider is the sandbox and no
 * real operator exists, so they can never sign in (or approve) once a real provider is configured.
 */
import type { DemoUser, SignedInOperator } from '../../../../shared/domain/operators';

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'demo-packer', name: 'Demo Packer (DEMO)', role: 'operator', pin: '1111', badge: 'DEMO-PACKER' },
  { id: 'demo-supervisor', name: 'Demo Supervisor (DEMO)', role: 'supervisor', pin: '9999', badge: 'DEMO-SUPERVISOR' },
];

export function isDemoId(id: string): boolean {
  return DEMO_USERS.some((u) => u.id === id);
}

export function demoOperator(user: DemoUser): SignedInOperator {
  return { id: user.id, name: user.name, role: user.role, demo: true };
}
