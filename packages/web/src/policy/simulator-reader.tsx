import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { useSimulatorText } from './simulator-messages';

const ID = 'sim-reader';

/**
 * Who the trial applicant is for the letters and mails: one who can log in (mails, letters
 * online, the texts' `{{#online}}` parts) or one who cannot and gets everything on paper (the
 * `{{^online}}` parts). Two radio buttons in a group; the hint says the texts follow the choice.
 */
export function TrialReaderChoice({
  online,
  onChange,
}: {
  online: boolean;
  onChange(online: boolean): void;
}) {
  const { s } = useSimulatorText();
  const options = [
    { online: true, id: `${ID}-online`, label: s('sc.online') },
    { online: false, id: `${ID}-offline`, label: s('sc.offline') },
  ];
  return (
    <div className="app-field">
      <Fieldset aria-describedby={`${ID}-description`}>
        <FieldsetLegend>{s('sc.legend')}</FieldsetLegend>
        <FormFieldDescription id={`${ID}-description`}>{s('sc.hint')}</FormFieldDescription>
        {options.map((o) => (
          <FormField key={o.id} type="radio">
            <div className="app-choice">
              <RadioButton
                id={o.id}
                name={ID}
                value={o.online ? 'online' : 'offline'}
                checked={online === o.online}
                onChange={() => onChange(o.online)}
              />
              <FormLabel htmlFor={o.id} type="radio">
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        ))}
      </Fieldset>
    </div>
  );
}
