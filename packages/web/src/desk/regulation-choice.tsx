import { useEffect, useRef, useState } from 'react';
import type { Regulation, User } from '../api/client';
import { SelectField } from '../components/ui';
import { deskApi, type PostcodeRegulations } from './desk-api';
import { useChoiceText } from './regulation-choice-messages';

/** What the API said of the resident's postcode, for the postcode it was asked for. */
type Lookup =
  | { kind: 'looking'; postcode: string }
  | { kind: 'failed'; postcode: string }
  | { kind: 'found'; postcode: string; found: PostcodeRegulations };

/**
 * The regulation the desk files a resident's application under: the one of the district the
 * resident's postcode lies in (by the district tables of the regulations' workflows, asked of the
 * API), until the clerk chooses another. Nothing is chosen beforehand when the postcode is not
 * known, lies in no district with exactly one open regulation, or cannot be looked up: then the
 * clerk chooses. A new resident or postcode drops what the clerk chose for the last one.
 */
export function useRegulationChoice(
  resident: User,
  /** The regulations the desk offers; undefined while they load. */
  regulations: readonly Regulation[] | undefined,
) {
  const postcode = resident.postcode;
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [picked, setPicked] = useState<{ for: string; id: string } | null>(null);
  const pickKey = `${resident.id} ${postcode ?? ''}`;

  useEffect(() => {
    if (!postcode) return;
    let current = true;
    setLookup({ kind: 'looking', postcode });
    deskApi.regulationsForPostcode(postcode).then(
      (found) => current && setLookup({ kind: 'found', postcode, found }),
      () => current && setLookup({ kind: 'failed', postcode }),
    );
    return () => {
      current = false;
    };
  }, [postcode]);

  // Until the desk's list is there too, what the API found cannot be matched to it yet.
  const known = postcode && lookup?.postcode === postcode && regulations ? lookup : null;
  // Only regulations the desk offers (open today) count; the API asked the same of its list.
  const matches =
    known?.kind === 'found'
      ? (regulations ?? []).filter((r) => known.found.regulationIds.includes(r.id))
      : [];
  const preselected = matches.length === 1 ? matches[0]!.id : '';
  const value = picked?.for === pickKey ? picked.id : preselected;
  return {
    value,
    choose: (id: string) => setPicked({ for: pickKey, id }),
    preselected,
    matches,
    lookup: postcode ? (known ?? { kind: 'looking' as const, postcode }) : null,
  };
}

export type RegulationChoice = ReturnType<typeof useRegulationChoice>;

/**
 * The select of regulations, with in words why one is chosen (or why none is) as its
 * description, so it is read with the field.
 */
export function RegulationSelect({
  resident,
  regulations,
  choice,
  error,
}: {
  resident: User;
  regulations: readonly Regulation[];
  choice: RegulationChoice;
  error?: string;
}) {
  const { t, c, formatMoney, locale } = useChoiceText();
  const reason = reasonText(c, resident, choice);
  const said = useSettledReason(reason, choice.lookup?.kind !== 'looking', locale, SELECT_ID);
  return (
    <>
      <SelectField
        id={SELECT_ID}
        label={t('desk.regulation')}
        description={reason}
        error={error}
        required
        value={choice.value}
        onChange={choice.choose}
        options={[
          { value: '', label: c('choice.none') },
          ...regulations.map((r) => ({
            value: r.id,
            label: `${r.title} (${r.district}, ${t('regulation.remaining').toLowerCase()} ${formatMoney(r.budget.remainingCents)})`,
          })),
        ]}
      />
      <p id={`${SELECT_ID}-said`} role="status" aria-live="polite" className="app-visually-hidden">
        {said}
      </p>
    </>
  );
}

const SELECT_ID = 'desk-regulation';

/**
 * The reason to announce: a reason that changed since the page showed the field, once it
 * settles (never the "finding out" in between). Not the one the field opened with, not one
 * that changed while the field has the focus (the field's description says it there, and the
 * person made the change), and not the same reason in another language when the language is
 * switched: each would say again what was just read.
 */
function useSettledReason(reason: string, settled: boolean, locale: string, fieldId: string) {
  const last = useRef({ reason, locale });
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!settled) return;
    const was = last.current;
    last.current = { reason, locale };
    if (was.reason === reason) return;
    const quiet = was.locale !== locale || document.activeElement?.id === fieldId;
    setSaid(quiet ? '' : reason);
  }, [reason, settled, locale, fieldId]);
  return said;
}

type ChoiceText = ReturnType<typeof useChoiceText>['c'];

/** Why this regulation is chosen, or why none is, in the clerk's words. */
function reasonText(c: ChoiceText, resident: User, choice: RegulationChoice): string {
  const { lookup, matches, preselected, value } = choice;
  const yourself = value === '' ? ` ${c('choice.chooseYourself')}` : '';
  if (lookup === null) return c('choice.noPostcode', { name: resident.name }) + yourself;
  const { postcode } = lookup;
  if (lookup.kind === 'looking') return c('choice.looking', { postcode });
  if (lookup.kind === 'failed') return c('choice.failed', { postcode }) + yourself;
  const district = lookup.found.district;
  if (district === null) return c('choice.unknownDistrict', { postcode }) + yourself;
  if (preselected !== '')
    return value === preselected
      ? c('choice.matched', { postcode, district })
      : c('choice.otherChosen', { postcode, district });
  const key = matches.length > 1 ? 'choice.several' : 'choice.noneOpen';
  return c(key, { postcode, district }) + yourself;
}
