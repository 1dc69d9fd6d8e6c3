// The five retraction actions, each with who can still get the mail back afterwards.
import { Caption1, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { RETRACTION_ACTIONS, type RetractionAction } from '@clawback/shared';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  recovery: { display: 'block', color: tokens.colorNeutralForeground3 },
  noUndo: { display: 'block', color: tokens.colorPaletteRedForeground1 },
});

export function ActionPicker({
  value,
  onChange,
}: {
  value: RetractionAction;
  onChange: (action: RetractionAction) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={strings.admin.actionLabel} required>
      <RadioGroup value={value} onChange={(_, data) => onChange(data.value as RetractionAction)}>
        {RETRACTION_ACTIONS.map((action) => (
          <Radio
            key={action}
            value={action}
            label={
              <>
                {strings.actionNames[action]}
                <Caption1 className={action === 'hardDelete' ? styles.noUndo : styles.recovery}>
                  {strings.actionRecovery[action]}
                </Caption1>
              </>
            }
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
