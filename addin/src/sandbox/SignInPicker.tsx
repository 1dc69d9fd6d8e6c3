// Sandbox builds only: sign in as one of the demo tenant's people. Their directory roles decide
// what the API lets them do, exactly as with a real Entra sign-in.
import { useId, useState, type FormEvent } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../strings.js';
import { ErrorState, LoadingState } from '../ui/StateViews.js';
import { useAsync } from '../ui/use-async.js';
import type { DemoUser, HarnessApi } from './harness-api.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
});

export function describeDemoUser(user: DemoUser): string {
  return `${user.displayName} — ${user.upn} (${user.roles.join(', ') || strings.signIn.rolesNone})`;
}

export function SignInPicker({
  api,
  onSignIn,
}: {
  api: Pick<HarnessApi, 'users'>;
  onSignIn: (user: DemoUser) => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const users = useAsync(() => api.users(), [api]);
  const [upn, setUpn] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (users.status !== 'ready') return;
    const user = users.data.find((u) => u.upn === upn) ?? users.data[0];
    if (user) onSignIn(user);
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.signIn.heading}</h2>
      <Text as="p">{strings.signIn.description}</Text>
      {users.status === 'loading' ? (
        <LoadingState />
      ) : users.status === 'error' ? (
        <ErrorState error={users.error} onRetry={users.reload} />
      ) : (
        <form className={styles.form} onSubmit={submit}>
          <Field label={strings.signIn.label}>
            <Select value={upn || users.data[0]?.upn} onChange={(_, data) => setUpn(data.value)}>
              {users.data.map((user) => (
                <option key={user.upn} value={user.upn}>
                  {describeDemoUser(user)}
                </option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" appearance="primary">
              {strings.signIn.button}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
