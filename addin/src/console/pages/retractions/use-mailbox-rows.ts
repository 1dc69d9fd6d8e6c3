// Every per-mailbox row of a retraction (10,000 and more), fetched page by page and shown as they
// arrive; a new state filter, a new retraction status or a reload starts over. Nothing is read
// until the retraction itself is known (status null).
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { mailboxRowSchema } from '@clawback/shared';
import type { ConsoleApi } from '../../../api/console-api.js';

export type MailboxRow = z.infer<typeof mailboxRowSchema>;

const PAGE = 1000;

export function useMailboxRows(api: ConsoleApi, id: string, state: string, status: string | null) {
  const [rows, setRows] = useState<MailboxRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (status === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    (async () => {
      const collected: MailboxRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.retractions.mailboxes(id, { state, cursor, limit: PAGE });
        if (!current) return;
        collected.push(...page.items);
        setRows([...collected]);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    })()
      .catch((failure: unknown) => current && setError(failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, id, state, status, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { rows, loading, error, reload };
}
