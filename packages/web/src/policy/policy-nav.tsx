import { AppLink, useRouter } from '../router/router';
import { usePolicyText } from './policy-messages';

const ITEMS = [
  { href: '/beleid', label: 'nav.definitions' },
  { href: '/beleid/regelingen', label: 'nav.regulations' },
  { href: '/beleid/rapportages', label: 'nav.reports' },
] as const;

/** The policy pages' own sub-navigation. */
export function PolicyNav() {
  const { p } = usePolicyText();
  const { location } = useRouter();
  const current = (href: string) =>
    href === '/beleid'
      ? location.path === '/beleid' || location.path.startsWith('/beleid/werkprocessen')
      : location.path.startsWith(href);
  return (
    <nav aria-label={p('sub.label')} className="policy-subnav">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <AppLink href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
              {p(item.label)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
