// Analysts' notes on a campaign or report: read by every analyst, written by those who triage.
import { useState } from 'react';
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { EmptyState, ErrorState } from '../../../ui/StateViews.js';
import { formatWhen } from '../../components/format.js';
import { useListStyles } from '../../components/list-styles.js';

interface Note {
  id: string;
  author: string | null;
  text: string;
  createdAt: string;
}

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
});

export function NotesPanel({
  notes,
  add,
}: {
  notes: Note[];
  /** Absent when the caller may not write notes. */
  add?: (text: string) => Promise<Note>;
}) {
  const styles = useStyles();
  const shared = useListStyles();
  const t = strings.console.reports;
  const [added, setAdded] = useState<Note[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const all = [...notes, ...added];

  async function submit() {
    if (!add || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const note = await add(text.trim());
      setAdded((list) => [...list, note]);
      setText('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {all.length ? (
        <ul className={shared.stack}>
          {all.map((note) => (
            <li key={note.id}>
              <Caption1>
                {note.author ?? t.unknownAuthor} · {formatWhen(note.createdAt)}
              </Caption1>
              <p className={styles.text}>{note.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t.noNotes}</EmptyState>
      )}
      {add ? (
        <div className={styles.form}>
          <Field label={t.noteLabel}>
            <Textarea value={text} maxLength={4000} onChange={(_, data) => setText(data.value)} />
          </Field>
          <div>
            <Button disabled={busy || !text.trim()} onClick={() => void submit()}>
              {t.addNote}
            </Button>
          </div>
          {error ? <ErrorState error={error} /> : null}
        </div>
      ) : null}
    </>
  );
}
