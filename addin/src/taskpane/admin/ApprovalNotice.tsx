// A retraction that waits for a second administrator, said plainly: who asked, why it needs
// approval, until when, and who may approve. Another administrator who may approve does it here;
// the API refuses the requester and checks the role again, so this is guidance, not the guard.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeResponse } from '@clawback/shared';
import type { Retraction } from '../../api/schemas.js';
import { strings } from '../../strings.js';
import { ErrorState } from '../../ui/StateViews.js';
import { useServices } from '../../ui/services.js';
import { useAction } from '../../ui/use-action.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ApprovalNoticeProps {
  retraction: Retraction;
  me: MeResponse;
  onApproved: (retraction: Retraction) => void;
  now?: () => number;
}

export function ApprovalNotice({ retraction, me, onApproved, now = Date.now }: ApprovalNoticeProps) {
  const styles = useStyles();
  const { api } = useServices();
  const { busy, error, run } = useAction();
  const t = strings.approval;
  const { approval, requestedBy } = retraction;
  const own = requestedBy.id === me.oid;
  const expired = approval.expiresAt !== null && Date.parse(approval.expiresAt) < now();
  const canApprove = me.capabilities.includes('approve') && !own && !expired;
  const who = expired ? t.expired : own ? t.ownRequest : canApprove ? t.youMayApprove : t.whoApproves;

  return (
    <div className={styles.root} data-testid="approval-state">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t.title}</MessageBarTitle>
          <Text>{t.requestedBy(requestedBy.name ?? strings.admin.someAdmin)}</Text>
          {approval.reasons.length ? (
            <>
              <Text weight="semibold">{t.reasons}</Text>
              <ul className={styles.reasons}>
                {approval.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          ) : null}
          {approval.expiresAt && !expired ? (
            <Text>{t.expires(new Date(approval.expiresAt).toLocaleString())}</Text>
          ) : null}
          <Text>{who}</Text>
        </MessageBarBody>
      </MessageBar>
      {canApprove ? (
        <div>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run(async () => onApproved(await api.approveRetraction(retraction.id)))}
          >
            {busy ? t.approving : t.approve}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
    </div>
  );
}
