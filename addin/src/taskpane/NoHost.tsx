/// <reference types="vite/client" />
// What the task pane shows when it is opened outside Outlook (or Office.js never came up).
import { FluentProvider, Link, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { strings } from '../strings.js';

export function NoHost({ problem }: { problem?: string }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <MessageBar intent={problem ? 'error' : 'info'}>
          <MessageBarBody>
            {problem ?? strings.errors.noHost}{' '}
            {import.meta.env.CLAWBACK_SANDBOX ? (
              <Link href="harness.html">{strings.errors.openHarness}</Link>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
