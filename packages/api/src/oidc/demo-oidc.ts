import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { type DemoAccount, type DemoProvider, startDemoProvider } from './demo-provider';

const DIGID_MIDDEN = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';
const EH3 = 'urn:etoegang:core:assurance-class:loa3';

/** Residents as a DigiD broker knows them: a subject, a BSN and a level of assurance. */
export const DEMO_RESIDENTS: DemoAccount[] = [
  {
    id: 'digid-fatima',
    label: 'Fatima El Amrani — DigiD Midden (BSN 999993653, fictief)',
    acr: DIGID_MIDDEN,
    claims: { bsn: '999993653' },
  },
  {
    id: 'digid-machtigen-jan',
    label: 'Jan de Vries namens Fatima El Amrani — DigiD Machtigen (fictief)',
    acr: DIGID_MIDDEN,
    claims: {
      name: 'Jan de Vries',
      email: 'jan.devries@example.org',
      gemachtigde: { bsn: '111222333' },
      aanvrager: { bsn: '999993653' },
    },
  },
  {
    id: 'eh-buurtkracht',
    label: 'Stichting Buurtkracht — eHerkenning EH3',
    acr: EH3,
    claims: {
      name: 'Stichting Buurtkracht',
      email: 'info@buurtkracht.example',
      email_verified: true,
      pseudonym: 'eh-demo-buurtkracht',
    },
  },
];

/** Staff as the municipality's IdP knows them; the e-mails match the seeded demo accounts. */
export const DEMO_STAFF: DemoAccount[] = [
  ['clerk', 'Kees Baliemedewerker', 'initiatief-balie'],
  ['assessor', 'Anouk Behandelaar', 'initiatief-beoordelaars'],
  ['approver', 'Sanne Besluitvormer', 'initiatief-besluitvormers'],
  ['policy', 'Pieter Beleidsmedewerker', 'initiatief-beleid'],
  ['admin', 'Beheerder', 'initiatief-beheer'],
  ['intern', 'Sam Stagiair (geen rol: wordt geweigerd)', 'stagiairs'],
].map(([role, name, group]) => ({
  id: `staff-${role}`,
  label: name!,
  claims: {
    name: name!.replace(/ \(.*\)$/, ''),
    email: `${role}@example.org`,
    email_verified: true,
    groups: [group, 'medewerkers'],
  },
}));

export const DEMO_ROLE_MAP: NonNullable<Config['oidcStaff']>['roleMap'] = {
  'initiatief-balie': ['clerk'],
  'initiatief-beoordelaars': ['assessor'],
  'initiatief-besluitvormers': ['approver'],
  'initiatief-beleid': ['policy'],
  'initiatief-beheer': ['admin'],
};

/**
 * DEMO_OIDC=1: a local provider for residents ("DigiD (demo)") and one for staff on the next
 * ports, and both connections pointed at them. Never in production (config refuses it).
 */
export async function startDemoOidc(
  config: Config,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  if (config.nodeEnv === 'production') throw new Error('DEMO_OIDC is not for production');
  const base = config.demoOidcPort ?? (config.port === 0 ? 0 : config.port + 1);
  const hostname = new URL(config.publicUrl).hostname;
  const started: DemoProvider[] = [];
  for (const [index, id, title, accounts] of [
    [0, 'resident', 'DigiD (demo)', DEMO_RESIDENTS],
    [1, 'staff', 'Gemeente Rotterdam — medewerkers (demo)', DEMO_STAFF],
  ] as const) {
    const secret = randomBytes(24).toString('base64url');
    const port = base === 0 ? 0 : base + index;
    const provider = await startDemoProvider({
      title,
      accounts: [...accounts],
      host: '*',
      port,
      issuer: port === 0 ? undefined : `http://${hostname}:${port}`,
      clients: [
        {
          client_id: `initiatief-${id}`,
          client_secret: secret,
          redirect_uris: [`${config.publicUrl}/api/auth/oidc/${id}/callback`],
          post_logout_redirect_uris: [`${config.publicUrl}/uitgelogd`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
    });
    started.push(provider);
    const connection = {
      issuer: provider.issuer,
      clientId: `initiatief-${id}`,
      clientSecret: secret,
    };
    if (id === 'resident') {
      config.oidcResident = { ...connection, scopes: 'openid', bsnClaim: 'bsn' };
    } else {
      config.oidcStaff = {
        ...connection,
        scopes: 'openid profile email groups',
        roleClaim: 'groups',
        roleMap: Object.keys(config.oidcStaff?.roleMap ?? {}).length
          ? config.oidcStaff!.roleMap
          : DEMO_ROLE_MAP,
      };
    }
    logger.info({ issuer: provider.issuer, connection: id }, 'demo OpenID provider started');
  }
  return {
    async stop() {
      await Promise.all(started.map((p) => p.close()));
    },
  };
}
