import { useI18n } from '../i18n/i18n';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts about the postal address letters by post go to: on "Mijn gegevens" and in the desk's
 * form for a new resident. Kept beside them so the shared catalogue is not edited by two people
 * at once. Dutch is the source; English has the same keys.
 */
const nl = {
  'address.title': 'Postadres',
  'address.streetRequired': 'Vul de straat en het huisnummer in.',
  'address.postcodeRequired': 'Vul de postcode in, bijvoorbeeld 3011 AB.',
  'address.cityRequired': 'Vul de woonplaats in.',
  'me.addressUnknown': 'Nog niet bekend',
  'me.letters': 'Brieven en besluiten',
  'me.lettersByEmail': 'Per e-mail, naar uw e-mailadres.',
  'me.lettersByPost': 'Per post, naar uw postadres.',
  'me.lettersByPostNoAddress': 'Per post, maar wij hebben nog geen volledig postadres van u.',
  'me.addressTitle': 'Uw postadres',
  'me.addressIntro':
    'Brieven en besluiten die per post gaan, sturen wij naar dit adres. Dat is zo als u hieronder kiest voor post, en altijd als wij geen e-mailadres van u hebben. Klopt het adres niet, of gaat u verhuizen? Pas het dan hier aan.',
  'me.addressMissing':
    'Uw brieven gaan per post, maar wij hebben nog geen volledig postadres van u. Vul het hieronder in. Zonder adres kunnen wij uw brieven niet versturen.',
  'me.addressSave': 'Adres opslaan',
  'me.addressSaved': 'Uw adres is opgeslagen. Brieven per post gaan naar {address}.',
  'me.addressRemove': 'Adres verwijderen',
  'me.addressRemoveHint':
    'Woont u niet meer in Nederland, of krijgt u alles per e-mail? Dan kunt u uw postadres verwijderen.',
  'me.addressRemoveByPost':
    'Wilt u uw postadres verwijderen? Dat kan alleen als u brieven per e-mail krijgt. Kies daarvoor hieronder ‘Per e-mail’.',
  'me.addressRemoved': 'Uw postadres is verwijderd. Brieven en besluiten krijgt u per e-mail.',
  'me.postNeedsAddress':
    'Uw keuze is niet opgeslagen. Voor brieven per post hebben wij uw volledige postadres nodig. Vul het hierboven in bij ‘Uw postadres’, sla het op en kies daarna opnieuw voor post.',
  'desk.addressRequired':
    'Verplicht. Zonder e-mailadres, of als de bewoner post kiest, gaan alle brieven en besluiten per post naar dit adres.',
  'desk.addressOptional':
    'Niet verplicht als de bewoner brieven per e-mail krijgt. Vult u het in, vul dan het hele adres in.',
};

export type AddressMessageKey = keyof typeof nl;

const en: Record<AddressMessageKey, string> = {
  'address.title': 'Postal address',
  'address.streetRequired': 'Enter the street and house number.',
  'address.postcodeRequired': 'Enter the postcode, for example 3011 AB.',
  'address.cityRequired': 'Enter the town.',
  'me.addressUnknown': 'Not known yet',
  'me.letters': 'Letters and decisions',
  'me.lettersByEmail': 'By email, to your email address.',
  'me.lettersByPost': 'By post, to your postal address.',
  'me.lettersByPostNoAddress': 'By post, but we do not have a complete postal address for you yet.',
  'me.addressTitle': 'Your postal address',
  'me.addressIntro':
    'Letters and decisions that go by post are sent to this address. That is the case when you choose post below, and always when we have no email address for you. Is the address wrong, or are you moving? Then change it here.',
  'me.addressMissing':
    'Your letters go by post, but we do not have a complete postal address for you yet. Fill it in below. Without an address we cannot send your letters.',
  'me.addressSave': 'Save address',
  'me.addressSaved': 'Your address is saved. Letters by post go to {address}.',
  'me.addressRemove': 'Remove address',
  'me.addressRemoveHint':
    'Have you moved abroad, or do you receive everything by email? Then you can remove your postal address.',
  'me.addressRemoveByPost':
    'Do you want to remove your postal address? That is only possible when you receive letters by email. To do so, choose ‘By email’ below.',
  'me.addressRemoved':
    'Your postal address has been removed. You receive letters and decisions by email.',
  'me.postNeedsAddress':
    'Your choice has not been saved. For letters by post we need your complete postal address. Fill it in above under ‘Your postal address’, save it and then choose post again.',
  'desk.addressRequired':
    'Required. Without an email address, or when the resident chooses post, all letters and decisions go by post to this address.',
  'desk.addressOptional':
    'Not required when the resident receives letters by email. If you fill it in, fill in the whole address.',
};

const catalogues = { nl, en } as const;
registerLabelTexts(catalogues);

/** The shared i18n plus `a()` for the address texts. */
export function useAddressText() {
  const i18n = useI18n();
  const catalogue: Record<AddressMessageKey, string> = catalogues[i18n.locale];
  const a = (key: AddressMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, a };
}

/** The address on one line, as a person reads it: "Coolsingel 40, 3011 AD Rotterdam". */
export function addressLine(address: {
  street: string | null;
  postcode: string | null;
  city: string | null;
}): string {
  const town = [address.postcode, address.city].filter(Boolean).join(' ');
  return [address.street, town].filter(Boolean).join(', ');
}

/** Whether letters by post can reach this address: street, postcode and town all known. */
export function isCompleteAddress(address: {
  street: string | null;
  postcode: string | null;
  city: string | null;
}): boolean {
  return Boolean(address.street?.trim() && address.postcode?.trim() && address.city?.trim());
}
