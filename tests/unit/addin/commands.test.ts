// The ribbon's function commands and the Report-button (spam reporting) handler, on a fake host:
// what they send, what the notification bar says, and what Outlook is told to do.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../addin/src/api/problem.js';
import { reportOpenMessage } from '../../../addin/src/commands/report-command.js';
import { categoryFor, handleSpamReport } from '../../../addin/src/commands/spam-report.js';
import { strings } from '../../../addin/src/strings.js';
import { STRINGS as MANIFEST_STRINGS } from '../../../manifest/src/strings.js';
import { campaignItem, fakeApi, fakeHost, reportCreated } from './fixtures.js';

describe('report commands', () => {
  it('report the open message and confirm in the notification bar', async () => {
    const host = fakeHost();
    const api = fakeApi();
    const outcome = await reportOpenMessage('junk', { host, api });
    expect(api.createReport).toHaveBeenCalledWith({ itemId: campaignItem.itemId, category: 'junk' });
    expect(outcome).toEqual({ ok: true, message: 'Clawback: reported as junk. Thank you.' });
    expect(host.notifications).toEqual([{ message: outcome.message, kind: 'info' }]);
  });

  it('say why a report failed, as an error notification', async () => {
    const host = fakeHost();
    const api = fakeApi({
      createReport: vi.fn(async () => {
        throw new ApiError(403, 'forbidden', 'Not allowed', 'guests cannot report');
      }),
    });
    const outcome = await reportOpenMessage('phishing', { host, api });
    expect(outcome.ok).toBe(false);
    expect(host.notifications).toEqual([
      { message: 'Clawback: the report did not go through. guests cannot report', kind: 'error' },
    ]);
  });

  it('ask for a message when none is open', async () => {
    const host = fakeHost(null);
    const api = fakeApi();
    expect(await reportOpenMessage('notJunk', { host, api })).toEqual({
      ok: false,
      message: strings.commands.noItem,
    });
    expect(api.createReport).not.toHaveBeenCalled();
  });

  it('complete even when the notification bar refuses', async () => {
    const host = fakeHost(undefined, { notify: vi.fn(async () => Promise.reject(new Error('9002'))) });
    await expect(reportOpenMessage('phishing', { host, api: fakeApi() })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('spam-reporting handler', () => {
  it('sends the EML with the ticked options and free text, then moves the item to Junk', async () => {
    const host = fakeHost();
    const api = fakeApi();
    const completion = await handleSpamReport(
      { options: [true, false, true], freeText: '  asked for my password ' },
      { host, api },
    );
    expect(api.createReport).toHaveBeenCalledWith({
      itemId: campaignItem.itemId,
      category: 'phishing',
      eml: 'UmVjZWl2ZWQ6IGZyb20=',
      options: [strings.spamReport.options[0], strings.spamReport.options[2]],
      comment: 'asked for my password',
    });
    expect(completion).toEqual({
      onErrorDeleteItem: true,
      moveItemTo: 'junkFolder',
      showPostProcessingDialog: {
        title: strings.spamReport.doneTitle,
        description: strings.spamReport.doneDescription,
      },
    });
  });

  it("moves the item where the tenant's settings say", async () => {
    const deleted = fakeApi({ createReport: vi.fn(async () => reportCreated('deletedItems')) });
    expect((await handleSpamReport({}, { host: fakeHost(), api: deleted })).moveItemTo).toBe(
      'deletedItemsFolder',
    );
    const keep = fakeApi({ createReport: vi.fn(async () => reportCreated('keep')) });
    expect((await handleSpamReport({}, { host: fakeHost(), api: keep })).moveItemTo).toBe('noMove');
  });

  it('sends no options when none were ticked', async () => {
    const api = fakeApi();
    await handleSpamReport(
      { options: [false, false, false, false, false], freeText: '' },
      { host: fakeHost(), api },
    );
    expect(api.createReport).toHaveBeenCalledWith({
      itemId: campaignItem.itemId,
      category: 'phishing',
      eml: 'UmVjZWl2ZWQ6IGZyb20=',
    });
  });

  it('leaves the message in place and says so when the report fails', async () => {
    const api = fakeApi({
      createReport: vi.fn(async () => {
        throw new ApiError(0, 'network_error', 'Network error');
      }),
    });
    const completion = await handleSpamReport(
      { options: [false, true, false, false, false] },
      { host: fakeHost(), api },
    );
    expect(completion.moveItemTo).toBe('noMove');
    expect(completion.onErrorDeleteItem).toBe(false);
    expect(completion.showPostProcessingDialog.title).toBe(strings.spamReport.failedTitle);
    expect(completion.showPostProcessingDialog.description).toContain(strings.errors.network);
  });

  it("answers before Outlook's five-minute limit when the API hangs", async () => {
    const api = fakeApi({ createReport: vi.fn(() => new Promise<never>(() => undefined)) });
    const completion = await handleSpamReport({}, { host: fakeHost(), api, deadlineMs: 20 });
    expect(completion.moveItemTo).toBe('noMove');
  });

  it('reads junk only when junk is ticked without a sign of phishing', () => {
    expect(categoryFor([false, false, false, true, false])).toBe('junk');
    expect(categoryFor([false, false, false, true, true])).toBe('junk');
    expect(categoryFor([false, true, false, true, false])).toBe('phishing');
    expect(categoryFor([false, false, false, false, true])).toBe('phishing');
    expect(categoryFor(undefined)).toBe('phishing');
  });

  it("reads the options in the manifest's order", () => {
    expect(strings.spamReport.options).toEqual([...MANIFEST_STRINGS.spam.options]);
  });
});
