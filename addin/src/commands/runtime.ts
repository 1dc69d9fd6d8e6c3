/// <reference types="office-js" />
// Entry of commands.js, the plain script Outlook runs for the ribbon's function commands and the
// Report button: associates each manifest function name with its handler. Office.onReady never
// runs in the JavaScript-only runtime, so everything is set up inside the handlers, and every
// handler calls event.completed whatever happens.
//
// Tokens come from Office SSO (Office.auth.getAccessToken), not nested app authentication: the
// JavaScript-only runtime has no NAA bridge (window.nestedAppAuthBridge is undefined there), and
// MSAL alone is larger than this script's whole budget. The task pane uses NAA.
import { createApiClient } from '../api/client.js';
import { apiBaseUrl } from '../api/base-url.js';
import { createOfficeSsoTokenProvider } from '../auth/office-sso.js';
import { createOfficeMailHost } from '../host/office-adapter.js';
import { REPORT_COMMANDS, reportOpenMessage } from './report-command.js';
import { failedCompletion, handleSpamReport, type SpamReportEvent } from './spam-report.js';

function dependencies(office: typeof Office) {
  const host = createOfficeMailHost(office);
  const tokens = createOfficeSsoTokenProvider(office);
  return { host, api: createApiClient({ tokens, baseUrl: apiBaseUrl() }) };
}

function register(office: typeof Office) {
  for (const [name, category] of Object.entries(REPORT_COMMANDS)) {
    office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      void (async () => {
        try {
          await reportOpenMessage(category, dependencies(office));
        } catch {
          // reportOpenMessage reports its own failures; a broken setup still completes the event.
        } finally {
          event.completed();
        }
      })();
    });
  }
  office.actions.associate('onSpamReport', (event: SpamReportEvent & Office.MailboxEvent) => {
    void (async () => {
      let completion;
      try {
        completion = await handleSpamReport(event, dependencies(office));
      } catch (error) {
        completion = failedCompletion(error);
      }
      // Office types moveItemTo as its enum; the values are the same strings. Code after
      // completed() may not run.
      event.completed(completion as unknown as Office.SpamReportingEventCompletedOptions);
    })();
  });
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) register(office);
