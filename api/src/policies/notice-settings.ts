// The retraction notice inside the auto-retraction policy. `notify` is the setting; the older flat
// pair notifyRecipients/notifyFrom stays for clients written before it, always mirrors it, and is
// read only from a change that leaves `notify` out.
import {
  DEFAULT_RETRACTION_NOTICE,
  type AutoRetractionPolicy,
  type RetractionNotice,
} from '@clawback/shared';

/** The notice settings a policy stands for (a policy stored before `notify` existed has only the pair). */
export function noticeOf(policy: AutoRetractionPolicy): RetractionNotice {
  return (
    policy.notify ?? {
      ...DEFAULT_RETRACTION_NOTICE,
      enabled: policy.notifyRecipients && !!policy.notifyFrom,
      fromMailbox: policy.notifyFrom,
    }
  );
}

/**
 * The policy as it is kept: `notify` always present and the pair mirroring it. A change without
 * `notify` (an older client) turns notices on or off and names the sender through the pair, and
 * keeps the current subject and body.
 */
export function withNotice(
  incoming: AutoRetractionPolicy,
  current: AutoRetractionPolicy | null,
): AutoRetractionPolicy {
  const notify: RetractionNotice = incoming.notify ?? {
    ...(current ? noticeOf(current) : DEFAULT_RETRACTION_NOTICE),
    enabled: incoming.notifyRecipients,
    fromMailbox: incoming.notifyFrom,
  };
  return { ...incoming, notify, notifyRecipients: notify.enabled, notifyFrom: notify.fromMailbox };
}
