// A new data source: whose mail (and calendar) to collect, how often, from when. The seed's
// advanced settings keep their defaults unless changed later.
import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  COLLECTION_DEFAULTS,
  COLLECTION_TYPES,
  createCollectionSchema,
  type CollectionType,
} from '@clawback/shared';
import { strings } from '../../../strings.js';
import { ErrorState } from '../../../ui/StateViews.js';
import { dayStart } from '../../components/format.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function CreateCollectionForm() {
  const styles = useStyles();
  const { api, navigate } = useConsole();
  const t = strings.console.collections;
  const [name, setName] = useState('');
  const [type, setType] = useState<CollectionType>('mailAndCalendar');
  const [users, setUsers] = useState('');
  const [groups, setGroups] = useState('');
  const [domains, setDomains] = useState('');
  const [frequency, setFrequency] = useState(String(COLLECTION_DEFAULTS.frequencyMinutes));
  const [drafts, setDrafts] = useState<boolean>(COLLECTION_DEFAULTS.collectDrafts);
  const [from, setFrom] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalid = (path: string) =>
    errors[path] ? { validationState: 'error' as const, validationMessage: errors[path] } : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createCollectionSchema.safeParse({
      name,
      type,
      monitored: { users: list(users), groups: list(groups), domains: list(domains) },
      settings: { frequencyMinutes: Number(frequency), collectDrafts: drafts },
      ...(from ? { collectFrom: dayStart(from) } : {}),
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.slice(0, 2).join('.')] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      const created = await api.collections.create(parsed.data);
      navigate(route('collections', [created.id]));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.newHeading} noValidate>
      <Field label={t.name} required {...invalid('name')}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t.type}>
        <Select value={type} onChange={(_, d) => setType(d.value as CollectionType)}>
          {COLLECTION_TYPES.map((c) => (
            <option key={c} value={c}>
              {t.types[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.users} hint={t.listHint} {...invalid('monitored.users')}>
        <Textarea value={users} onChange={(_, d) => setUsers(d.value)} />
      </Field>
      <div className={styles.grid}>
        <Field label={t.groups} hint={t.listHint} {...invalid('monitored.groups')}>
          <Input value={groups} onChange={(_, d) => setGroups(d.value)} />
        </Field>
        <Field label={t.domains} hint={t.listHint} {...invalid('monitored.domains')}>
          <Input value={domains} onChange={(_, d) => setDomains(d.value)} />
        </Field>
        <Field label={t.frequency} {...invalid('settings.frequencyMinutes')}>
          <Input type="number" min={1} value={frequency} onChange={(_, d) => setFrequency(d.value)} />
        </Field>
        <Field label={t.collectFrom} hint={t.collectFromHint}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
      </div>
      <Switch label={t.drafts} checked={drafts} onChange={(_, d) => setDrafts(d.checked)} />
      {error ? <ErrorState error={error} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? strings.console.common.saving : t.create}
        </Button>
      </div>
    </form>
  );
}
