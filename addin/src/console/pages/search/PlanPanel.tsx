// Plan → retract: a dry run finds every copy and shows the blast radius; then the admin picks an
// action (each explained by who can still recover the mail), confirms, and follows the run. The
// plan looks at the known copies and recipients, or at every mailbox of the published domains.
import { useEffect, useState } from 'react';
import { Button, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { AutoRetractionPolicy, Retraction, RetractionAction } from '@clawback/shared';
import { followRetraction } from '../../../api/follow-retraction.js';
import type { CreateRetraction } from '../../../api/schemas.js';
import { strings } from '../../../strings.js';
import { ActionPicker } from '../../../taskpane/admin/ActionPicker.js';
import { ConfirmRetraction } from '../../../taskpane/admin/ConfirmRetraction.js';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StateViews.js';
import { useAsync } from '../../../ui/use-async.js';
import { Outcome } from '../../components/bits.js';
import { Section } from '../../components/Section.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { BlastRadius } from './BlastRadius.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  scope: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** Why this retraction will wait for a second administrator, if it will. */
export function approvalNote(
  policy: AutoRetractionPolicy | null,
  action: RetractionAction,
  mailboxes: number,
): string | null {
  if (!policy) return null;
  if (policy.requireApproval.includes(action)) return strings.console.search.approvalForAction;
  if (mailboxes > policy.approvalMailboxThreshold)
    return strings.console.search.approvalForSize(policy.approvalMailboxThreshold);
  return null;
}

export interface PlanPanelProps {
  internetMessageId: string;
  subject: string | null;
  /** Start with every published mailbox: for a message neither the index nor a report knows. */
  everyMailbox?: boolean;
}

export function PlanPanel({ internetMessageId, subject, everyMailbox = false }: PlanPanelProps) {
  const styles = useStyles();
  const { api, navigate } = useConsole();
  const t = strings.console.search;
  const [allPublished, setAllPublished] = useState(everyMailbox);
  const [includeSenderCopy, setIncludeSenderCopy] = useState(false);
  const [plan, setPlan] = useState<Retraction | null>(null);
  const [planError, setPlanError] = useState<unknown>(null);
  const [action, setAction] = useState<RetractionAction>('moveToJunk');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const policy = useAsync(() => api.policies.get(), [api]);
  // The retraction looks where its plan looked.
  const scope: Pick<CreateRetraction, 'scope'> =
    allPublished || includeSenderCopy ? { scope: { allPublished, includeSenderCopy } } : {};

  useEffect(() => {
    const controller = new AbortController();
    setPlan(null);
    setPlanError(null);
    api
      .createRetraction({
        internetMessageId,
        action: 'moveToJunk',
        dryRun: true,
        reason: t.planReason,
        ...(allPublished || includeSenderCopy ? { scope: { allPublished, includeSenderCopy } } : {}),
      })
      .then((created) => followRetraction(api, created.id, setPlan, controller.signal))
      .catch((error: unknown) => controller.signal.aborted || setPlanError(error));
    return () => controller.abort();
  }, [api, internetMessageId, t.planReason, allPublished, includeSenderCopy]);

  async function start() {
    setBusy(true);
    setStartError(null);
    try {
      const created = await api.createRetraction({
        internetMessageId,
        action,
        ...scope,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      navigate(route('retractions', [created.id]));
    } catch (error) {
      setStartError(error);
      setBusy(false);
      setConfirming(false);
    }
  }

  const ready = plan?.status === 'completed' && plan.plan ? plan.plan : null;
  const note = ready
    ? approvalNote(policy.status === 'ready' ? policy.data.policy : null, action, ready.withCopies)
    : null;
  return (
    <Section title={t.planHeading(subject ?? internetMessageId)}>
      <div className={styles.scope}>
        <Switch
          label={t.everyMailbox}
          checked={allPublished}
          onChange={(_, d) => setAllPublished(d.checked)}
        />
        <Switch
          label={t.senderCopy}
          checked={includeSenderCopy}
          onChange={(_, d) => setIncludeSenderCopy(d.checked)}
        />
      </div>
      {planError ? <ErrorState error={planError} /> : null}
      {!planError && !ready && plan?.status !== 'failed' ? <LoadingState label={t.planning} /> : null}
      {plan?.status === 'failed' ? <ErrorState error={null} message={plan.error ?? t.planFailed} /> : null}
      {ready ? <BlastRadius plan={ready} /> : null}
      {ready && ready.withCopies === 0 ? (
        <>
          <EmptyState>{allPublished ? t.nothingToRetract : t.nothingKnown}</EmptyState>
          {allPublished ? null : (
            <div>
              <Button onClick={() => setAllPublished(true)}>{t.searchEveryMailbox}</Button>
            </div>
          )}
        </>
      ) : null}
      {ready && ready.withCopies > 0 ? (
        <div className={styles.form}>
          <ActionPicker value={action} onChange={setAction} />
          {note ? <Outcome intent="info">{note}</Outcome> : null}
          <Field label={strings.admin.reasonLabel}>
            <Input value={reason} maxLength={1000} onChange={(_, data) => setReason(data.value)} />
          </Field>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)}>
              {strings.admin.retract}
            </Button>
          </div>
          {startError ? <ErrorState error={startError} /> : null}
        </div>
      ) : null}
      <ConfirmRetraction
        open={confirming}
        action={action}
        subject={subject ?? ''}
        busy={busy}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      />
    </Section>
  );
}
