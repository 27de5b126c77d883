import { describe, expect, test } from 'vitest';
import { confirmedSupportersFrom, type SupporterFacts } from './supporters.shared';

const applicant = { id: 'u-1', name: 'Ayşe Yıldız-Çelik', email: 'ayse@example.nl' };
const row = (over: Partial<SupporterFacts>): SupporterFacts => ({
  name: 'Buur',
  email: null,
  confirmed_user_id: null,
  confirmed: true,
  age: 30,
  postcode: '3022 AB',
  ...over,
});

describe('confirmedSupportersFrom', () => {
  test('no supporters on record: undefined, so the form’s own list counts', () => {
    expect(confirmedSupportersFrom(null, applicant)).toBeUndefined();
    expect(confirmedSupportersFrom([], applicant)).toBeUndefined();
  });

  test('counts the confirmed ones, never the applicant by account, address or name', () => {
    const counted = confirmedSupportersFrom(
      [
        row({ name: 'Jan', age: 71 }),
        row({ name: 'Piet', confirmed: false }),
        row({ name: 'Ander', confirmed_user_id: 'u-1' }),
        row({ name: 'Tweede adres', email: 'ayse@example.nl' }),
        row({ name: ' ayşe yıldız-çelik ' }),
      ],
      applicant,
    );
    expect(counted).toEqual([{ age: 71, postcode: '3022 AB' }]);
  });

  test('a namesake of the applicant at another postcode is somebody else, and counts', () => {
    const withPostcode = { ...applicant, postcode: '3061 AB' };
    const counted = confirmedSupportersFrom(
      [
        row({ name: 'Ayşe Yıldız-Çelik', postcode: '3061ab', age: 41 }),
        row({ name: 'AYSE YILDIZ-CELIK', postcode: '3062 CD', age: 58 }),
      ],
      withPostcode,
    );
    expect(counted).toEqual([{ age: 58, postcode: '3062 CD' }]);
  });

  test('supporters on record but none confirmed: an empty list, not the form’s list', () => {
    expect(confirmedSupportersFrom([row({ confirmed: false })], applicant)).toEqual([]);
  });
});
