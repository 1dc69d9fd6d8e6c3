// Per-mailbox state of a retraction, virtualised: only the rows in view (and a few around them)
// are in the DOM, so 10,000 mailboxes scroll as smoothly as ten. A real table to assistive
// technology: row and column counts and each row's index are announced.
import { useRef } from 'react';
import { useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MailboxState } from '@clawback/shared';
import { strings } from '../../../strings.js';
import { formatWhen } from '../../components/format.js';
import { folderName } from '../search/BlastRadius.js';
import type { MailboxRow } from './use-mailbox-rows.js';

export const ROW_HEIGHT = 36;

const useStyles = makeStyles({
  scroller: {
    height: '28rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(14rem, 2fr) minmax(8rem, 1fr) minmax(10rem, 2fr) minmax(8rem, 1fr) minmax(9rem, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${ROW_HEIGHT}px`,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  body: { position: 'relative', width: '100%' },
  virtual: { position: 'absolute', top: 0, left: 0, width: '100%', height: `${ROW_HEIGHT}px` },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const COLUMNS = 5;

export function MailboxTable({ rows, initialRect }: { rows: MailboxRow[]; initialRect?: Rect }) {
  const styles = useStyles();
  const t = strings.console.retractions;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: ROW_HEIGHT,
    ...(initialRect ? { initialRect } : {}),
  });
  const stateName = (state: MailboxState) => t.mailboxStates[state];

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="table"
      aria-label={t.mailboxTable}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS}
      tabIndex={0}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.head)}>
          {[t.mailbox, t.state, t.folders, t.reason, t.updated].map((name) => (
            <div key={name} role="columnheader" className={styles.cell}>
              {name}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const folders = row.copies
            .map((c) => `${folderName(c.folder)}${c.isRead ? ` (${t.read})` : ''}`)
            .join(', ');
          return (
            <div
              key={row.mailboxId}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              className={mergeClasses(styles.row, styles.virtual)}
              style={{ transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
            >
              <div role="cell" className={styles.cell} title={row.mailbox}>
                {row.mailbox}
              </div>
              <div
                role="cell"
                className={mergeClasses(styles.cell, row.state === 'failed' ? styles.failed : undefined)}
              >
                {stateName(row.state)}
              </div>
              <div role="cell" className={styles.cell} title={folders}>
                {folders || '—'}
              </div>
              <div role="cell" className={styles.cell} title={row.reason ?? ''}>
                {row.reason ?? '—'}
              </div>
              <div role="cell" className={styles.cell}>
                {formatWhen(row.updatedAt)}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
