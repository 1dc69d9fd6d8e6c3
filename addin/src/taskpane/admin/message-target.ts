// How the pane names the open message to the retraction API. The admin's own item comes first: the
// API reads its To and Cc from the admin's mailbox, so a message nobody has reported yet still
// finds its recipients. If the item id went stale (the copy was moved), the internet message id
// names the same message everywhere.
import { ApiError } from '../../api/problem.js';
import type { CreateRetraction } from '../../api/schemas.js';
import type { MailItem } from '../../host/mail-host.js';

export type MessageTarget = Pick<CreateRetraction, 'itemId' | 'internetMessageId'>;

export async function withMessageTarget<T>(
  item: Pick<MailItem, 'itemId' | 'internetMessageId'>,
  request: (target: MessageTarget) => Promise<T>,
): Promise<T> {
  if (item.itemId) {
    try {
      return await request({ itemId: item.itemId });
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'message_not_found';
      if (!stale || !item.internetMessageId) throw error;
    }
  }
  return request({ internetMessageId: item.internetMessageId });
}
