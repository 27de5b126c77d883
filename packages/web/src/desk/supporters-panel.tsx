import type { LocalizedText } from '@initiatief/engine';
import {
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import type { Application } from '../api/client';
import {
  ErrorAlert,
  invalidParamsToErrors,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { SupporterMark, whyNotCounted } from '../forms/supporter-marks';
import { useFormText } from '../i18n/form-messages';
import { useSession } from '../session/session';
import { deskApi, type SupporterRow } from './desk-api';
import { useDeskText } from './desk-messages';
import { PostcodeAgeFields } from './postcode-age-fields';

/** What the "Telt mee" column needs to say why a supporter does not count. */
interface Marking {
  minAge: number;
  district: LocalizedText | null;
  /** The applicant reads it: her own line says "you". */
  self: boolean;
}

function SupportersTable({
  rows,
  staff,
  marking,
}: {
  rows: SupporterRow[];
  staff: boolean;
  /** Given (a workflow with a supporters rule): a column of whether each one counts. */
  marking: Marking | null;
}) {
  const { d, formatDateTime } = useDeskText();
  const formText = useFormText();
  const vars = marking && {
    minAge: marking.minAge,
    district: marking.district?.[formText.locale] ?? '',
    self: marking.self,
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
    <section className="app-table-scroll" aria-labelledby="supporters-caption" tabIndex={0}>
      <Table className="app-table app-supporters">
        <caption id="supporters-caption" className="app-caption">
          {d('supporters.caption')}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{d('supporters.name')}</TableHeaderCell>
            {staff && <TableHeaderCell scope="col">{d('supporters.postcode')}</TableHeaderCell>}
            {staff && <TableHeaderCell scope="col">{d('supporters.age')}</TableHeaderCell>}
            <TableHeaderCell scope="col">{d('supporters.confirmed')}</TableHeaderCell>
            {vars && (
              <TableHeaderCell scope="col">{formText.f('supporters.mark.heading')}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">
                {s.name}
                {s.email && <span className="app-muted app-block">{s.email}</span>}
                {s.isApplicant && !vars && (
                  <span className="app-badge app-badge--warning app-block">
                    {d('supporters.isApplicant')}
                  </span>
                )}
              </TableHeaderCell>
              {staff && (
                <TableCell>
                  {s.postcode ?? '–'}
                  {s.inMunicipality === false && (
                    <span className="app-badge app-badge--warning app-block">
                      {d('supporters.outside')}
                    </span>
                  )}
                </TableCell>
              )}
              {staff && <TableCell>{s.age ?? '–'}</TableCell>}
              <TableCell>
                {s.confirmedAt && s.confirmedHow
                  ? d('supporters.confirmedOn', {
                      date: formatDateTime(s.confirmedAt),
                      how: d(`supporters.how.${s.confirmedHow}`),
                    })
                  : d('supporters.notYet', { date: formatDateTime(s.invitedAt) })}
              </TableCell>
              {vars && (
                <TableCell>
                  <SupporterMark
                    why={s.verdict && whyNotCounted(formText, s.verdict, vars)}
                    text={formText}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function InviteForm({ appId, onAdded }: { appId: string; onAdded(): Promise<void> }) {
  const { d } = useDeskText();
  const { hasRole } = useSession();
  const errorText = useErrorText();
  const clerk = hasRole('clerk');
  const [form, setForm] = useState({ name: '', email: '', postcode: '', age: '', paper: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function add(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    setStatus('');
    const errs: Record<string, string> = {};
    if (!form.name.trim()) errs['f-name'] = d('supporters.nameRequired');
    if (!form.paper && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim()))
      errs['f-email'] = d('supporters.emailRequired');
    if (form.paper && !/^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(form.postcode.trim()))
      errs['f-postcode'] = d('supporters.postcodeRequired');
    if (form.paper && !/^\d{1,3}$/.test(form.age.trim()))
      errs['f-age'] = d('supporters.ageRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      const name = form.name.trim();
      await deskApi.addSupporter(
        appId,
        form.paper
          ? { name, paper: true, postcode: form.postcode.trim(), age: Number(form.age) }
          : { name, email: form.email.trim() },
      );
      setStatus(d(form.paper ? 'supporters.recorded' : 'supporters.invited', { name }));
      setForm({ name: '', email: '', postcode: '', age: '', paper: form.paper });
      await onAdded();
    } catch (err) {
      const fe = invalidParamsToErrors(err);
      setErrors(fe);
      if (!Object.keys(fe).length) setFailure(errorText(err));
    }
  }

  return (
    <form onSubmit={add} noValidate aria-labelledby="supporters-invite">
      <Heading3 id="supporters-invite" className="app-subheading">
        {d('supporters.invite')}
      </Heading3>
      <TextField
        id="sup-name"
        label={d('supporters.name')}
        value={form.name}
        error={errors['f-name']}
        required
        onChange={(name) => setForm((f) => ({ ...f, name }))}
      />
      {clerk && (
        <FormField type="checkbox">
          <div className="app-choice">
            <Checkbox
              id="sup-paper"
              checked={form.paper}
              onChange={(e) => setForm((f) => ({ ...f, paper: e.target.checked }))}
            />
            <FormLabel htmlFor="sup-paper" type="checkbox">
              {d('supporters.paper')}
            </FormLabel>
          </div>
        </FormField>
      )}
      {form.paper ? (
        <PostcodeAgeFields
          idPrefix="sup"
          postcode={form.postcode}
          age={form.age}
          errors={errors}
          onChange={(change) => setForm((f) => ({ ...f, ...change }))}
        />
      ) : (
        <TextField
          id="sup-email"
          label={d('supporters.email')}
          type="email"
          value={form.email}
          error={errors['f-email']}
          required
          onChange={(email) => setForm((f) => ({ ...f, email }))}
        />
      )}
      <ButtonGroup>
        <PrimaryActionButton type="submit">{d('supporters.add')}</PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure}</ErrorAlert>
    </form>
  );
}

/**
 * The supporters of an application: who confirmed, how and when, and per supporter whether the
 * workflow's rule counts him now and why not (the engine's verdicts, sent by the API), for staff
 * and the applicant alike. Staff also see postcode and age, with a postcode outside the
 * municipality flagged. The applicant (or a clerk for them) invites supporters while the form
 * can still be changed.
 */
export function SupportersPanel({
  app,
  staff = false,
  onCountedHere,
}: {
  app: Application;
  staff?: boolean;
  /**
   * Told this panel's title when the step counts the supporters listed here (anyone was
   * invited) rather than the form's names, and null when it counts the form's names.
   */
  onCountedHere?: (title: string | null) => void;
}) {
  const { d, dn, formatNumber, locale } = useDeskText();
  const { me, hasRole } = useSession();
  // Again after every change of the application: the form's own list may have changed.
  const list = useLoad(() => deskApi.supporters(app.id), [app.id, app.version]);
  const countedHere = list.data?.counting === 'confirmed' ? d('supporters.title') : null;
  useEffect(() => {
    onCountedHere?.(countedHere);
  }, [countedHere, onCountedHere]);
  const mayInvite = app.editable && (app.applicantId === me?.id || hasRole('clerk'));
  const rows = list.data?.items ?? [];
  if (!mayInvite && rows.length === 0) return null;
  // A workflow that asks for no supporters: nobody to invite, nothing to count.
  if (!list.data || (list.data.rule === null && rows.length === 0)) return null;
  const rule = list.data.rule;
  // What the rules count: the names on the form until anyone is invited, then who confirmed.
  const byForm = list.data?.counting === 'form' && list.data.onForm > 0;
  // The district whose residents count, by its label; per supporter whether he counts, and why
  // not, for the applicant as much as for staff: she is the one who can find another supporter.
  const district = list.data.district?.label ?? null;
  const self = !staff && app.applicantId === me?.id;
  const marking = rule ? { minAge: rule.minAge, district, self } : null;
  return (
    <section aria-labelledby="supporters-title" className="app-section">
      <Heading2 id="supporters-title" className="app-subheading">
        {d('supporters.title')}
      </Heading2>
      {rule && (
        <Paragraph>
          {d(district ? 'supporters.ruleDistrict' : 'supporters.rule', {
            count: formatNumber(rule.count),
            age: rule.minAge,
            district: district?.[locale] ?? '',
          })}
        </Paragraph>
      )}
      <Paragraph>{d(byForm ? 'supporters.introForm' : 'supporters.intro')}</Paragraph>
      {list.data &&
        (byForm ? (
          <Paragraph>
            {/* Who counts is the rule's to say, shown just above (age, and district if any). */}
            {rule && dn('supporters.countForm', list.data.onForm)}
            {mayInvite && ` ${d('supporters.formUntilInvited')}`}
          </Paragraph>
        ) : (
          <Paragraph>
            {dn('supporters.count', list.data.confirmed)}
            {marking &&
              list.data.counted !== null &&
              ` ${dn('supporters.counted', list.data.counted)}`}
          </Paragraph>
        ))}
      {list.data && rows.length === 0 && (
        <Paragraph>{d(byForm ? 'supporters.noneInvited' : 'supporters.none')}</Paragraph>
      )}
      {rows.length > 0 && <SupportersTable rows={rows} staff={staff} marking={marking} />}
      {mayInvite && <InviteForm appId={app.id} onAdded={list.reload} />}
    </section>
  );
}
