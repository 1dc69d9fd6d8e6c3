// Walks an export's items page by page in a stable order: memory holds one page at a time however
// large the batch or range.
import type { ItemPosition, ItemRepository, ItemRow, ItemScope } from '../item-repository.js';

const PAGE = 200;

export async function* exportItems(items: ItemRepository, scope: ItemScope): AsyncGenerator<ItemRow> {
  let after: ItemPosition | null = null;
  for (;;) {
    const rows = await items.page(scope, after, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { receivedAt: last.receivedAt, mailboxId: last.mailboxId, itemId: last.itemId };
  }
}
