// Report the open message: a category, an optional comment, one button. The result replaces the
// form and takes focus, so keyboard and screen-reader users hear it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { REPORT_CATEGORIES, type ReportCategory } from '@clawback/shared';
import type { MailItem } from '../host/mail-host.js';
import { strings } from '../strings.js';
import { ErrorState } from '../ui/StateViews.js';
import { useServices } from '../ui/services.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { display: 'block', color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type SubmitState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'sent'; category: ReportCategory }
  | { status: 'failed'; error: unknown };

export function ReportForm({ item, onReported }: { item: MailItem; onReported?: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const headingId = useId();
  const [category, setCategory] = useState<ReportCategory>('phishing');
  const [comment, setComment] = useState('');
  const [state, setState] = useState<SubmitState>({ status: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === 'sent') resultRef.current?.focus();
  }, [state.status]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      await api.createReport({
        itemId: item.itemId,
        category,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setState({ status: 'sent', category });
      onReported?.();
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.report.heading}</h2>
      {state.status === 'sent' ? (
        <div ref={resultRef} tabIndex={-1}>
          <MessageBar intent="success" role="status">
            <MessageBarBody>{strings.report.done(state.category)}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setState({ status: 'idle' })}>
                {strings.report.another}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      ) : (
        <form className={styles.form} onSubmit={submit}>
          <Field label={strings.report.categoryLabel} required>
            <RadioGroup value={category} onChange={(_, data) => setCategory(data.value as ReportCategory)}>
              {REPORT_CATEGORIES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={
                    <>
                      {strings.categoryNames[value]}
                      <Caption1 className={styles.hint}>{strings.report.categoryHints[value]}</Caption1>
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <Field label={strings.report.commentLabel}>
            <Textarea
              value={comment}
              maxLength={2000}
              resize="vertical"
              onChange={(_, data) => setComment(data.value)}
            />
          </Field>
          {state.status === 'failed' ? <ErrorState error={state.error} /> : null}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={state.status === 'sending'}>
              {state.status === 'sending' ? strings.report.submitting : strings.report.submit}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
