import { Paragraph } from '@utrecht/component-library-react';
import { ErrorAlert, PageHeading } from '../../components/ui';
import { AppLink, useRouter } from '../../router/router';
import { type OidcMessageKey, useOidcText } from './oidc-messages';

const REASONS = ['failed', 'expired', 'cancelled', 'no_role', 'conflict', 'unreadable'] as const;
type Reason = (typeof REASONS)[number];

/** Where the API sends the browser when a sign-in through a provider is refused. */
export function OidcRefusedPage() {
  const { o } = useOidcText();
  const { location } = useRouter();
  const raw = location.search.get('reden') ?? 'failed';
  const reason: Reason = (REASONS as readonly string[]).includes(raw) ? (raw as Reason) : 'failed';
  const title: OidcMessageKey = reason === 'no_role' ? 'refused.noRoleTitle' : 'refused.title';
  const text: OidcMessageKey =
    reason === 'no_role' ? 'refused.no_role' : (`refused.${reason}` as OidcMessageKey);
  return (
    <>
      <PageHeading>{o(title)}</PageHeading>
      <ErrorAlert>{o(text)}</ErrorAlert>
      <Paragraph>
        {reason !== 'no_role' && (
          <>
            <AppLink href="/inloggen">{o('refused.tryAgain')}</AppLink>
            {' · '}
          </>
        )}
        <AppLink href="/">{o('refused.home')}</AppLink>
      </Paragraph>
    </>
  );
}
