import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { Application } from '../api/client';
import { addressLine, isCompleteAddress } from '../components/address-messages';
import { useCaseText } from './case-messages';

/**
 * How the applicant's letters reach her and how else staff can reach her, as rows of the case
 * page's overview: an assessor who asks a resident on paper for more information knows before
 * writing that the question and her answer take the post's time, and may call her instead.
 * The API gives the contact to staff only; without it nothing is shown.
 */
export function ApplicantContactRows({ app }: { app: Application }) {
  const { t } = useCaseText();
  const contact = app.applicantContact;
  if (!contact) return null;
  const { postalAddress } = contact;
  const letters =
    contact.letters === 'email' && contact.email
      ? t('case.lettersByEmail', { email: contact.email })
      : isCompleteAddress(postalAddress)
        ? t('case.lettersByPost', { address: addressLine(postalAddress) })
        : t('case.lettersByPostNoAddress');
  return (
    <>
      <DataListItem>
        <DataListKey>{t('case.letters')}</DataListKey>
        <DataListValue>{letters}</DataListValue>
      </DataListItem>
      {contact.phone && (
        <DataListItem>
          <DataListKey>{t('case.phone')}</DataListKey>
          <DataListValue>
            <a className="utrecht-link" href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>
              {contact.phone}
            </a>
          </DataListValue>
        </DataListItem>
      )}
      <DataListItem>
        <DataListKey>{t('case.online')}</DataListKey>
        <DataListValue>
          {t(app.applicantCanLogIn ? 'case.onlineYes' : 'case.onlineNo')}
        </DataListValue>
      </DataListItem>
    </>
  );
}
