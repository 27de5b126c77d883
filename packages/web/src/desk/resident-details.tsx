import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { User } from '../api/client';
import { PostalAddressForm } from '../components/postal-address-form';
import { StatusMessage } from '../components/ui';
import { useDeskText } from './desk-messages';

/** "Mathenesserlaan 12b, 3021 HB Rotterdam", or null while any part is missing. */
export function addressLine(u: Pick<User, 'street' | 'postcode' | 'city'>): string | null {
  return u.street && u.postcode && u.city ? `${u.street}, ${u.postcode} ${u.city}` : null;
}

/**
 * What the desk knows of the resident it acts for: e-mail, the postal address letters by post go
 * to, and a phone number, so the clerk can check them with the resident at the counter or on the
 * phone, and correct the address before the first letter is printed.
 */
export function ResidentDetails({
  resident,
  onChanged,
}: {
  resident: User;
  onChanged(resident: User): void;
}) {
  const { d } = useDeskText();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const address = addressLine(resident);
  return (
    <>
      <DataList
        className="app-datalist"
        aria-label={d('resident.details', { name: resident.name })}
      >
        <DataListItem>
          <DataListKey>{d('resident.email')}</DataListKey>
          <DataListValue>{resident.email ?? d('resident.noEmail')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{d('resident.address')}</DataListKey>
          <DataListValue>{address ?? d('resident.noAddress')}</DataListValue>
        </DataListItem>
        {resident.phone && (
          <DataListItem>
            <DataListKey>{d('resident.phone')}</DataListKey>
            <DataListValue>{resident.phone}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      <StatusMessage>{saved}</StatusMessage>
      {editing ? (
        <>
          <PostalAddressForm
            userId={resident.id}
            idPrefix="desk-address"
            initial={
              address
                ? { street: resident.street!, postcode: resident.postcode!, city: resident.city! }
                : undefined
            }
            onSaved={(user) => {
              setEditing(false);
              setSaved(
                d('resident.addressSaved', { name: user.name, address: addressLine(user) ?? '' }),
              );
              onChanged(user);
            }}
          />
          <ButtonGroup>
            <SecondaryActionButton onClick={() => setEditing(false)}>
              {d('resident.cancelAddress')}
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      ) : (
        <ButtonGroup>
          <SecondaryActionButton
            onClick={() => {
              setSaved('');
              setEditing(true);
            }}
          >
            {address ? d('resident.changeAddress') : d('resident.addAddress')}
          </SecondaryActionButton>
        </ButtonGroup>
      )}
    </>
  );
}
