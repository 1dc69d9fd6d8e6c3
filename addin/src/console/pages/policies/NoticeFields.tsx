// The retraction notice inside the auto-retraction policy: on or off, the mailbox it is sent from,
// and its subject and text, with what each {{placeholder}} becomes for the recipient.
import { Field, Input, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import type { PolicyDraft } from './policy-draft.js';

type Notice = PolicyDraft['notify'];
type Invalid = (key: string) => { validationState?: 'error'; validationMessage?: string };

const useStyles = makeStyles({
  placeholders: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function NoticeFields({
  notice,
  editable,
  invalid,
  onChange,
}: {
  notice: Notice;
  editable: boolean;
  /** The validation props of a field, by its key in the draft's errors ('notify.subject'). */
  invalid: Invalid;
  onChange: (change: Partial<Notice>) => void;
}) {
  const styles = useStyles();
  const t = strings.console.policies;
  const placeholders = (
    <>
      {t.noticePlaceholdersIntro}
      <ul className={styles.placeholders}>
        {Object.entries(t.noticePlaceholders).map(([name, meaning]) => (
          <li key={name}>
            <code>{`{{${name}}}`}</code>: {meaning}
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <>
      <Switch
        disabled={!editable}
        label={t.notifyRecipients}
        checked={notice.enabled}
        onChange={(_, d) => onChange({ enabled: d.checked })}
      />
      <Field label={t.notifyFrom} hint={t.notifyFromHint} {...invalid('notify.fromMailbox')}>
        <Input
          type="email"
          disabled={!editable}
          value={notice.fromMailbox}
          onChange={(_, d) => onChange({ fromMailbox: d.value })}
        />
      </Field>
      <Field label={t.noticeSubject} {...invalid('notify.subject')}>
        <Input
          disabled={!editable}
          maxLength={255}
          value={notice.subject}
          onChange={(_, d) => onChange({ subject: d.value })}
        />
      </Field>
      <Field label={t.noticeBody} hint={placeholders} {...invalid('notify.body')}>
        <Textarea
          disabled={!editable}
          resize="vertical"
          rows={7}
          maxLength={4000}
          value={notice.body}
          onChange={(_, d) => onChange({ body: d.value })}
        />
      </Field>
    </>
  );
}
