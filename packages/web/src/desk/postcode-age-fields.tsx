import { TextField } from '../components/ui';
import { useDeskText } from './desk-messages';

/**
 * A supporter's postcode and age, as the supporter gives them on the confirmation page and as
 * the clerk copies them from a paper list: the regulation counts supporters by both.
 */
export function PostcodeAgeFields({
  idPrefix,
  postcode,
  age,
  errors,
  onChange,
  ownAddress = false,
}: {
  idPrefix: string;
  postcode: string;
  age: string;
  /** Field errors keyed `f-postcode` and `f-age`. */
  errors: Record<string, string | undefined>;
  onChange(change: { postcode?: string; age?: string }): void;
  /** The person types their own postcode (the browser may offer it), not someone else's. */
  ownAddress?: boolean;
}) {
  const { d } = useDeskText();
  return (
    <>
      <TextField
        id={`${idPrefix}-postcode`}
        label={d('supporters.postcode')}
        value={postcode}
        error={errors['f-postcode']}
        required
        autoComplete={ownAddress ? 'postal-code' : undefined}
        width="short"
        onChange={(value) => onChange({ postcode: value })}
      />
      <TextField
        id={`${idPrefix}-age`}
        label={d('supporters.age')}
        value={age}
        error={errors['f-age']}
        required
        inputMode="numeric"
        width="short"
        onChange={(value) => onChange({ age: value })}
      />
    </>
  );
}
