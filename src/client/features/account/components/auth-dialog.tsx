import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/api/account';
import { useUiStore } from '../../../stores/ui-store';
import { useSignIn, useSignUp } from '../api/account';

/** Sign in or create an account; a modal dialog that keeps focus inside and closes on Escape. */
export function AuthDialog() {
  const mode = useUiStore((s) => s.authDialog);
  const close = useUiStore((s) => s.authDialogClosed);
  const open = useUiStore((s) => s.authDialogOpened);
  const signIn = useSignIn();
  const signUp = useSignUp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), email: useId(), password: useId(), name: useId() };
  const mutation = mode === 'sign-up' ? signUp : signIn;

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close, mode]);

  if (!mode) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = { onSuccess: () => close() };
    if (mode === 'sign-up') signUp.mutate({ email, password, ...(name.trim() && { name: name.trim() }) }, done);
    else signIn.mutate({ email, password }, done);
  };
  const input = 'mt-0.5 w-full rounded border border-slate-300 px-2 py-1 focus:outline-2 focus:outline-emerald-600';

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-3" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-labelledby={ids.title} className="w-full max-w-sm rounded-xl bg-white p-4 shadow-2xl" data-testid="auth-dialog">
        <div className="flex items-start justify-between">
          <h2 id={ids.title} className="text-lg font-semibold">
            {mode === 'sign-up' ? 'Create an account' : 'Sign in'}
          </h2>
          <button className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" onClick={close} aria-label="Close">
            ✕
          </button>
        </div>
        <form className="mt-2 space-y-2 text-sm" onSubmit={submit}>
          {mode === 'sign-up' ? (
            <div>
              <label htmlFor={ids.name}>Name shown with your check-ins</label>
              <input id={ids.name} className={input} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="nickname" />
            </div>
          ) : null}
          <div>
            <label htmlFor={ids.email}>Email</label>
            <input ref={first} id={ids.email} className={input} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
          </div>
          <div>
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              className={input}
              type="password"
              required
              minLength={mode === 'sign-up' ? PASSWORD_MIN_LENGTH : 1}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
            />
            {mode === 'sign-up' ? <p className="text-xs text-slate-500">At least {PASSWORD_MIN_LENGTH} characters.</p> : null}
          </div>
          {mutation.isError ? (
            <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800">
              {mutation.error.message}
            </p>
          ) : null}
          <button type="submit" className="w-full rounded bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-60" disabled={mutation.isPending}>
            {mutation.isPending ? 'Please wait…' : mode === 'sign-up' ? 'Create account' : 'Sign in'}
          </button>
          <p className="text-center text-xs text-slate-600">
            {mode === 'sign-up' ? 'Have an account? ' : 'New here? '}
            <button type="button" className="text-emerald-800 underline" onClick={() => open(mode === 'sign-up' ? 'sign-in' : 'sign-up')}>
              {mode === 'sign-up' ? 'Sign in' : 'Create an account'}
            </button>
          </p>
        </form>
      </div>
    </div>
  );
}
