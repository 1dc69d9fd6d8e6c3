// The blast radius of the open message: a dry run of a retraction (nothing is touched), followed
// until the plan is ready. A new message or a retry plans again; a superseded plan is dropped.
import { useEffect, useState } from 'react';
import { followRetraction } from '../../api/follow-retraction.js';
import type { Retraction } from '../../api/schemas.js';
import type { MailItem } from '../../host/mail-host.js';
import { strings } from '../../strings.js';
import { useServices } from '../../ui/services.js';
import { withMessageTarget } from './message-target.js';

export type Plan = NonNullable<Retraction['plan']>;

export type BlastRadiusState =
  | { status: 'planning' }
  | { status: 'ready'; plan: Plan }
  | { status: 'error'; error: unknown; message?: string };

export function useBlastRadius(item: MailItem): BlastRadiusState & { retry: () => void } {
  const { api } = useServices();
  const [state, setState] = useState<BlastRadiusState>({ status: 'planning' });
  const [attempt, setAttempt] = useState(0);
  const { itemId, internetMessageId } = item;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'planning' });
    withMessageTarget({ itemId, internetMessageId }, (target) =>
      // The action only decides which copies are "already there"; the reach is the same for all.
      api.createRetraction({ ...target, action: 'moveToJunk', dryRun: true }),
    )
      .then((created) => followRetraction(api, created.id, () => undefined, controller.signal))
      .then((done) => {
        if (controller.signal.aborted) return;
        if (done.status === 'completed' && done.plan) setState({ status: 'ready', plan: done.plan });
        else
          setState({
            status: 'error',
            error: null,
            message: done.error ?? strings.blastRadius.failed,
          });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [api, itemId, internetMessageId, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
