import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useRouter } from '../../router/router';
import { loginHref, type OidcProvider, oidcApi } from './oidc-api';
import { type OidcMessageKey, useOidcText } from './oidc-messages';

const TEXT: Record<OidcProvider['id'], { label: OidcMessageKey; hint: OidcMessageKey }> = {
  resident: { label: 'options.resident', hint: 'options.residentHint' },
  staff: { label: 'options.staff', hint: 'options.staffHint' },
};

/**
 * The configured ways in through OpenID Connect (DigiD/eHerkenning, the municipality's IdP), for
 * the login page. Shows nothing while loading, on an error, or when none is configured: then the
 * password form is the only way in.
 */
export function OidcLoginOptions() {
  const { o } = useOidcText();
  const { location, href } = useRouter();
  const [providers, setProviders] = useState<OidcProvider[]>([]);

  useEffect(() => {
    let live = true;
    oidcApi
      .providers()
      .then((list) => live && setProviders(list))
      .catch(() => live && setProviders([]));
    return () => {
      live = false;
    };
  }, []);

  if (providers.length === 0) return null;
  const next = location.search.get('next');
  // Back at the page asked for, in the interface's language (route-words.ts).
  const returnTo = next === null ? null : href(next);
  return (
    <section aria-labelledby="oidc-options-title" className="app-oidc-options">
      <Heading2 id="oidc-options-title">{o('options.title')}</Heading2>
      {providers.map((p) => (
        <div key={p.id} className="app-oidc-option">
          <ButtonLink
            appearance={p.id === 'resident' ? 'primary-action-button' : 'secondary-action-button'}
            href={loginHref(p, returnTo)}
            aria-describedby={`oidc-hint-${p.id}`}
          >
            {TEXT[p.id] ? o(TEXT[p.id].label) : p.label}
          </ButtonLink>
          <Paragraph id={`oidc-hint-${p.id}`}>{TEXT[p.id] ? o(TEXT[p.id].hint) : ''}</Paragraph>
        </div>
      ))}
    </section>
  );
}
