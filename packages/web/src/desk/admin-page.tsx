import {
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { type Role, USER_ROLES } from '../api/client';
import { ConfirmingButton } from '../components/confirming-button';
import { useLabelAnchor } from '../components/error-summary';
import {
  ErrorAlert,
  ErrorSummary,
  PageHeading,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';
import { type Account, type AuditEntry, deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

const STAFF_DEFAULT: Role[] = ['clerk'];

function RoleChoices({
  idPrefix,
  legend,
  value,
  onChange,
  locked,
}: {
  idPrefix: string;
  legend: string;
  value: Role[];
  onChange(roles: Role[]): void;
  /** A role that cannot be unticked here, with the reason said beside it. */
  locked?: { role: Role; reason: string };
}) {
  const { t } = useDeskText();
  return (
    <Fieldset className="app-roles">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {USER_ROLES.map((role) => (
        <FormField type="checkbox" key={role}>
          <div className="app-choice">
            <Checkbox
              id={`${idPrefix}-${role}`}
              checked={value.includes(role)}
              disabled={locked?.role === role}
              aria-describedby={locked?.role === role ? `${idPrefix}-${role}-locked` : undefined}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))
              }
            />
            <FormLabel htmlFor={`${idPrefix}-${role}`} type="checkbox">
              {t(`role.${role}` as 'role.admin')}
            </FormLabel>
          </div>
          {locked?.role === role && (
            <span id={`${idPrefix}-${role}-locked`} className="app-muted app-block">
              {locked.reason}
            </span>
          )}
        </FormField>
      ))}
    </Fieldset>
  );
}

function AccountRow({
  account,
  onStart,
  onDone,
}: {
  account: Account;
  /** An action starts: an earlier outcome on the page no longer stands. */
  onStart(): void;
  onDone(message: string): void;
}) {
  const { d } = useDeskText();
  const errorText = useErrorText();
  const { me } = useSession();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [failure, setFailure] = useState('');
  const self = me?.id === account.id;

  async function run(action: () => Promise<string>) {
    setFailure('');
    onStart();
    try {
      onDone(await action());
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {account.name}
        <span className="app-muted app-block">{account.email ?? '–'}</span>
      </TableHeaderCell>
      <TableCell>
        <RoleChoices
          idPrefix={`roles-${account.id}`}
          legend={d('admin.rolesOf', { name: account.name })}
          value={roles}
          onChange={setRoles}
          locked={self ? { role: 'admin', reason: d('admin.ownAdminRole') } : undefined}
        />
        <SecondaryActionButton
          className="app-small-button"
          aria-label={d('admin.saveRolesNamed', { name: account.name })}
          onClick={() =>
            roles.length === 0
              ? setFailure(d('admin.noRoles'))
              : run(async () => {
                  await deskApi.setRoles(account.id, roles);
                  return d('admin.rolesSaved', { name: account.name });
                })
          }
        >
          {d('admin.saveRoles')}
        </SecondaryActionButton>
        <ErrorAlert>{failure}</ErrorAlert>
      </TableCell>
      <TableCell>{account.active ? d('admin.active') : d('admin.inactive')}</TableCell>
      <TableCell>
        <ButtonGroup className="app-inline-buttons">
          {!self && account.active && (
            <ConfirmingButton
              className="app-small-button"
              label={d('admin.deactivateNamed', { name: account.name })}
              question={d('admin.deactivateQuestion', { name: account.name })}
              onConfirm={() =>
                run(async () => {
                  await deskApi.setActive(account.id, false);
                  return d('admin.deactivated', { name: account.name });
                })
              }
            >
              {d('admin.deactivate')}
            </ConfirmingButton>
          )}
          {!self && !account.active && (
            <SecondaryActionButton
              className="app-small-button"
              aria-label={d('admin.reactivateNamed', { name: account.name })}
              onClick={() =>
                run(async () => {
                  await deskApi.setActive(account.id, true);
                  return d('admin.reactivated', { name: account.name });
                })
              }
            >
              {d('admin.reactivate')}
            </SecondaryActionButton>
          )}
          {account.email && (
            <ConfirmingButton
              className="app-small-button"
              label={d('admin.resetNamed', { name: account.name })}
              question={d('admin.resetQuestion', { name: account.name })}
              onConfirm={() =>
                run(async () => {
                  const r = await deskApi.resetPassword(account.id);
                  return d('admin.reset', { name: account.name, password: r.oneTimePassword });
                })
              }
            >
              {d('admin.resetButton')}
            </ConfirmingButton>
          )}
        </ButtonGroup>
        {self && <span className="app-muted">{d('admin.you')}</span>}
      </TableCell>
    </TableRow>
  );
}

function auditText(
  e: AuditEntry,
  d: ReturnType<typeof useDeskText>['d'],
  roleName: (r: string) => string,
) {
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map((r) => roleName(String(r))).join(', ') : '';
  return d(`admin.action.${e.action}`, {
    roles: list(e.details.roles),
    from: list(e.details.from),
    to: list(e.details.to),
  });
}

/** The administrator's page: staff accounts, their roles and status, and what was changed. */
export function AdminPage() {
  const { d, t, tx, formatDateTime } = useDeskText();
  const errorText = useErrorText();
  const accounts = useLoad(() => deskApi.accounts(), []);
  const audit = useLoad(() => deskApi.audit(), []);
  const [form, setForm] = useState({ name: '', email: '', roles: STAFF_DEFAULT });
  const { errors, failure, busy, summary, summaryRef, submit } = useFormSubmission();
  const [status, setStatus] = useState('');
  const createForm = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(createForm);

  async function done(message: string) {
    setStatus(message);
    await Promise.all([accounts.reload(), audit.reload()]);
  }

  // Errors in the summary, focused, each linking to its field (as every other form).
  function create(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs['f-name'] = d('admin.nameRequired');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim()))
      errs['f-email'] = d('admin.emailRequired');
    if (form.roles.length === 0) errs[`f-roles-${USER_ROLES[0]}`] = d('admin.noRoles');
    return submit(e, errs, async () => {
      const r = await deskApi.createAccount({
        name: form.name.trim(),
        email: form.email.trim(),
        roles: form.roles,
      });
      setForm({ name: '', email: '', roles: STAFF_DEFAULT });
      await done(d('admin.created', { name: r.account.name, password: r.oneTimePassword }));
    });
  }

  const roleName = (r: string) => tx(`role.${r}`, r);
  return (
    <>
      <PageHeading>{d('admin.title')}</PageHeading>
      <Paragraph>{d('admin.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>

      <section aria-labelledby="admin-create" className="app-section">
        <Heading2 id="admin-create" className="app-subheading">
          {d('admin.create')}
        </Heading2>
        <form ref={createForm} onSubmit={create} noValidate>
          <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
          <TextField
            id="f-name"
            label={d('admin.name')}
            value={form.name}
            error={errors['f-name']}
            required
            autoComplete="off"
            onChange={(name) => setForm((f) => ({ ...f, name }))}
          />
          <TextField
            id="f-email"
            label={d('admin.email')}
            type="email"
            value={form.email}
            error={errors['f-email']}
            required
            autoComplete="off"
            onChange={(email) => setForm((f) => ({ ...f, email }))}
          />
          <RoleChoices
            idPrefix="f-roles"
            legend={d('admin.roles')}
            value={form.roles}
            onChange={(roles) => setForm((f) => ({ ...f, roles }))}
          />
          <ErrorAlert>{errors[`f-roles-${USER_ROLES[0]}`]}</ErrorAlert>
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
              {d('admin.createButton')}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>

      <ErrorAlert>{accounts.error ? errorText(accounts.error) : ''}</ErrorAlert>
      {!accounts.data && !accounts.error && <Paragraph>{t('common.loading')}</Paragraph>}
      {accounts.data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        <section className="app-table-scroll" aria-labelledby="admin-caption" tabIndex={0}>
          <Table className="app-table">
            <caption id="admin-caption" className="app-caption">
              {d('admin.caption')}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{d('admin.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('admin.roles')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('admin.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {accounts.data.map((a) => (
                <AccountRow
                  key={`${a.id}-${a.roles.join()}-${a.active}`}
                  account={a}
                  onStart={() => setStatus('')}
                  onDone={done}
                />
              ))}
            </TableBody>
          </Table>
        </section>
      )}

      <section aria-labelledby="admin-audit" className="app-section">
        <Heading2 id="admin-audit" className="app-subheading">
          {d('admin.audit')}
        </Heading2>
        {audit.data && audit.data.length === 0 && <Paragraph>{d('admin.auditNone')}</Paragraph>}
        {audit.data && audit.data.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
          <section className="app-table-scroll" aria-labelledby="audit-caption" tabIndex={0}>
            <Table className="app-table">
              <caption id="audit-caption" className="app-caption">
                {d('admin.auditCaption')}
              </caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{d('admin.auditWhen')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d('admin.auditAccount')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d('admin.auditWhat')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d('admin.auditWho')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {audit.data.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>{formatDateTime(e.at)}</TableCell>
                    <TableCell>{e.target.name}</TableCell>
                    <TableCell>{auditText(e, d, roleName)}</TableCell>
                    <TableCell>{e.actor.name}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        )}
      </section>
    </>
  );
}
