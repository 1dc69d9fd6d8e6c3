// Layout the console's lists and panels share: a row of fields that wraps and lines its buttons up
// with the inputs, a table that scrolls sideways rather than squeezing its columns, a list inside a
// table cell, a column of cards or notes without bullets, and identifiers in a monospace face.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useListStyles = makeStyles({
  fieldRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  scroll: { overflowX: 'auto' },
  cellList: { margin: 0, paddingInlineStart: '1.2em' },
  stack: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});
