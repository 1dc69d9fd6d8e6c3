// @vitest-environment jsdom
// Collections: a new data source is sent as the API's schema wants it; a source's page offers
// "collect now" and exports only to those who may hand mail out, and an export downloads the
// chosen batch in the chosen format. Keys go without a pause between them and long text is pasted:
// in jsdom every key re-renders the whole form.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { COLLECTION_DEFAULTS, type Collection, type CollectionBatch } from '@clawback/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CollectionDetail } from '../../../addin/src/console/pages/collections/CollectionDetail.js';
import { CreateCollectionForm } from '../../../addin/src/console/pages/collections/CreateCollectionForm.js';
import { route } from '../../../addin/src/console/routes.js';
import { strings } from '../../../addin/src/strings.js';
import { admin, fakeConsoleApi, reader, renderConsole } from './console-fixtures.js';
import { installDomShims } from './fixtures.js';

installDomShims();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const t = strings.console.collections;
const ID = '3c9e1f20-5b7a-4d8e-9f01-2a3b4c5d6e7f';
const counts = {
  mailboxes: 2,
  pending: 0,
  collected: 2,
  noChanges: 0,
  inactive: 0,
  outOfScope: 0,
  notFound: 0,
  failed: 0,
  messages: 14,
  events: 3,
  attachments: 1,
};
const batch = (seq: number): CollectionBatch => ({
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  collectionId: ID,
  seq,
  windowStart: '2026-11-20T08:00:00Z',
  windowEnd: '2026-11-20T09:00:00Z',
  windows: 1,
  coldStart: false,
  trigger: 'schedule',
  status: 'completed',
  attempt: 1,
  retries: [],
  nextRetryAt: null,
  counts,
  errors: [],
  problems: [],
  createdAt: '2026-11-20T09:00:00Z',
  completedAt: '2026-11-20T09:01:00Z',
});
const source: Collection = {
  id: ID,
  name: 'Legal hold: finance',
  type: 'mailAndCalendar',
  monitored: { users: ['alice@contoso.com', 'bob@contoso.com'], groups: [], domains: [] },
  settings: { ...COLLECTION_DEFAULTS },
  enabled: true,
  collectFrom: '2026-11-20T00:00:00Z',
  nextWindowStart: '2026-11-20T09:00:00Z',
  createdBy: 'admin@contoso.com',
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
  lastBatch: batch(2),
};

function sourceApi() {
  return fakeConsoleApi({
    collections: {
      get: async () => source,
      batches: async () => ({ items: [batch(2), batch(1)], nextCursor: null }),
      run: async () => batch(3),
      export: async () => ({ blob: new Blob(['{}\n']), filename: 'export.ics' }),
    },
  });
}

describe('a data source', () => {
  it('exports the chosen batch in the chosen format for an administrator', async () => {
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }),
    );
    const user = userEvent.setup({ delay: null });
    const api = sourceApi();
    renderConsole(<CollectionDetail id={ID} />, { me: admin(), api });
    await screen.findByRole('table', { name: t.batchesHeading });
    await user.selectOptions(screen.getByRole('combobox', { name: t.exportBatch }), batch(1).id);
    await user.selectOptions(screen.getByRole('combobox', { name: t.exportFormat }), 'ics');
    await user.click(screen.getByRole('button', { name: t.download }));
    await waitFor(() =>
      expect(api.collections.export).toHaveBeenCalledWith(ID, { format: 'ics', batchId: batch(1).id }),
    );
    await user.click(screen.getByRole('button', { name: t.runNow }));
    expect(await screen.findByText(t.runStarted)).toBeTruthy();
  });

  it('shows a reader the source and its batches, without collect, switch or export', async () => {
    renderConsole(<CollectionDetail id={ID} />, { me: reader(), api: sourceApi() });
    await screen.findByRole('table', { name: t.batchesHeading });
    for (const name of [t.runNow, t.disable, t.download])
      expect(screen.queryByRole('button', { name }), name).toBeNull();
    expect(screen.queryByRole('heading', { name: t.exportHeading })).toBeNull();
  });
});

describe('a new data source', () => {
  it('is sent as the API expects it and opened', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeConsoleApi({ collections: { create: async () => source } });
    const { navigate } = renderConsole(<CreateCollectionForm />, { me: admin(), api });
    await user.type(screen.getByRole('textbox', { name: t.name }), 'Legal hold: finance');
    await user.click(screen.getByRole('textbox', { name: t.users }));
    await user.paste('alice@contoso.com,\nbob@contoso.com');
    await user.click(screen.getByRole('button', { name: t.create }));
    await waitFor(() =>
      expect(api.collections.create).toHaveBeenCalledWith({
        name: 'Legal hold: finance',
        type: 'mailAndCalendar',
        monitored: { users: ['alice@contoso.com', 'bob@contoso.com'], groups: [], domains: [] },
        settings: { frequencyMinutes: 60, collectDrafts: false },
        enabled: true,
      }),
    );
    expect(navigate).toHaveBeenCalledWith(route('collections', [ID]));
  });

  it('names what is missing instead of sending it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeConsoleApi();
    renderConsole(<CreateCollectionForm />, { me: admin(), api });
    await user.type(screen.getByRole('textbox', { name: t.name }), 'Empty');
    await user.click(screen.getByRole('button', { name: t.create }));
    expect(await screen.findByText('name at least one user, group or domain')).toBeTruthy();
    expect(api.collections.create).not.toHaveBeenCalled();
  });
});
