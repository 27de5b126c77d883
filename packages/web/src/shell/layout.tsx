import {
  Button,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { DESK_NAV } from '../desk/desk-routes';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { AppLink, useRouter } from '../router/router';
import { useSession } from '../session/session';

interface NavItem {
  href: string;
  label: MessageKey;
}

function navItems(session: ReturnType<typeof useSession>): NavItem[] {
  const { me, hasRole } = session;
  if (!me) {
    return [
      { href: '/', label: 'nav.home' },
      { href: '/regelingen', label: 'nav.regulations' },
    ];
  }
  const items: NavItem[] = [];
  if (hasRole('applicant')) {
    items.push({ href: '/regelingen', label: 'nav.regulations' });
    items.push({ href: '/aanvragen', label: 'nav.myApplications' });
  }
  if (hasRole('clerk')) items.push({ href: '/balie', label: 'nav.desk' });
  if (hasRole('assessor', 'approver')) items.push({ href: '/werkvoorraad', label: 'nav.queue' });
  for (const item of DESK_NAV) if (hasRole(...item.roles)) items.push(item);
  if (hasRole('policy')) items.push({ href: '/beleid', label: 'nav.policy' });
  if (hasRole('clerk', 'assessor', 'approver', 'policy', 'admin')) {
    items.push({ href: '/berichten', label: 'nav.mail' });
  }
  if (hasRole('clerk', 'assessor', 'approver', 'admin')) {
    items.push({ href: '/post', label: 'nav.post' });
  }
  items.push({ href: '/mijn-gegevens', label: 'nav.me' });
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const { actingFor, isStaff } = session;
  const { location, navigate, whenAllowed } = useRouter();
  const items = navItems(session);
  const current = (href: string) =>
    href === '/' ? location.path === '/' : location.path.startsWith(href);

  return (
    <div className="app-page">
      <SkipLink href="#main">{t('shell.skipLink')}</SkipLink>
      <PageHeader className="app-header">
        <div className="app-header__inner">
          <AppLink href="/" className="app-logo">
            <span className="app-logo__mark" aria-hidden="true" />
            <span className="app-logo__text">
              <span className="app-logo__municipality">{t('shell.municipality')}</span>
              <span className="app-logo__service">{t('shell.service')}</span>
            </span>
          </AppLink>
          <div className="app-header__tools">
            <Button
              appearance="subtle-button"
              lang={locale === 'nl' ? 'en' : 'nl'}
              onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
            >
              {t('shell.switchLanguage')}
            </Button>
            {session.me ? (
              <Button
                appearance="secondary-action-button"
                // Asked before the session ends, not after: unsent input on the page is lost.
                onClick={() =>
                  whenAllowed(async () => {
                    await session.logout();
                    navigate('/uitgelogd', { force: true });
                  })
                }
              >
                {t('shell.logout')}
              </Button>
            ) : (
              // While the session loads the links hold their place, unseen, so the page does
              // not jump when they appear (Lighthouse measured a layout shift of 0.33 here).
              <span
                className={
                  session.me === null ? 'app-header__links' : 'app-header__links app-hidden'
                }
                aria-hidden={session.me === null ? undefined : true}
              >
                <AppLink href="/inloggen" className="app-header__login">
                  {t('shell.login')}
                </AppLink>
                <AppLink href="/registreren" className="app-header__login">
                  {t('shell.register')}
                </AppLink>
              </span>
            )}
          </div>
        </div>
        <nav className="app-nav" aria-label={t('shell.navLabel')}>
          <ul className="app-nav__list">
            {items.map((item) => (
              <li key={item.href} className="app-nav__item">
                <AppLink
                  href={item.href}
                  className="app-nav__link"
                  aria-current={current(item.href) ? 'page' : undefined}
                >
                  {t(item.label)}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>
      {actingFor && (
        <div className="app-acting-for">
          <Paragraph>{t('shell.actingFor', { name: actingFor.name })}</Paragraph>
        </div>
      )}
      <PageContent className="app-content">
        <main id="main" tabIndex={-1} className="app-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="app-footer">
        <div className="app-footer__inner">
          {/* Help with one's own application is for residents, not for staff at work. */}
          {!isStaff && <Paragraph>{t('shell.footerHelp')}</Paragraph>}
          <Paragraph>{t('shell.footerPhone')}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
