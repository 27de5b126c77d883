import {
  ButtonGroup,
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
import type { Application } from '../api/client';
import { useLabelAnchor } from '../components/error-summary';
import { ErrorAlert, ErrorSummary, StatusMessage, TextField, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { paramsAt, useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

const EMAIL_ID = 'authorise-email';

/**
 * The resident authorises a relative or volunteer to act on this application for them. Once the
 * application has ended (`ended`: a final state of its definition) no one new is authorised: the
 * panel lists who was, each still to be revoked, and is not shown at all when there was no one.
 */
export function AuthorisePanel({ app, ended = false }: { app: Application; ended?: boolean }) {
  const { d, formatDate } = useDeskText();
  const { me } = useSession();
  const errorText = useErrorText();
  const own = !!me && app.applicantId === me.id;
  const list = useLoad(
    () => (own ? deskApi.authorisations(app.id) : Promise.resolve([])),
    [app.id, own],
  );
  const [email, setEmail] = useState('');
  const { errors, failure: refused, summary, summaryRef, submit } = useFormSubmission();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(form);
  if (!own) return null;

  function authorise(e: FormEvent) {
    setFailure('');
    setStatus('');
    const invalid: Record<string, string> = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())
      ? {}
      : { [EMAIL_ID]: d('authorise.emailRequired') };
    return submit(
      e,
      invalid,
      async () => {
        const r = await deskApi.authorise(app.id, email.trim());
        setStatus(d('authorise.done', { name: r.agent.name }));
        setEmail('');
        await list.reload();
      },
      // The API names the field `email` (no account with it): said at this form's box.
      paramsAt({ email: EMAIL_ID }),
    );
  }

  async function revoke(id: string, name: string) {
    setFailure('');
    try {
      await deskApi.revokeAuthorisation(app.id, id);
      setStatus(d('authorise.revoked', { name }));
      await list.reload();
      // The button went with its row: the focus goes to the panel, not back to the page's start.
      headingRef.current?.focus();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  const rows = list.data ?? [];
  if (ended && rows.length === 0) return null;
  return (
    <section aria-labelledby="authorise-title" className="app-section">
      <Heading2 id="authorise-title" className="app-subheading" ref={headingRef} tabIndex={-1}>
        {d(ended ? 'authorise.titleEnded' : 'authorise.title')}
      </Heading2>
      <Paragraph>{d(ended ? 'authorise.introEnded' : 'authorise.intro')}</Paragraph>
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
        <section className="app-table-scroll" aria-labelledby="authorise-caption" tabIndex={0}>
          <Table className="app-table">
            <caption id="authorise-caption" className="app-caption">
              {d('authorise.caption')}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{d('authorise.who')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('authorise.since')}</TableHeaderCell>
                <TableHeaderCell scope="col">{d('authorise.revoke')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.agent.name}</TableCell>
                  <TableCell>{formatDate(r.createdAt)}</TableCell>
                  <TableCell>
                    <SecondaryActionButton
                      className="app-small-button"
                      aria-label={d('authorise.revokeNamed', { name: r.agent.name })}
                      onClick={() => revoke(r.id, r.agent.name)}
                    >
                      {d('authorise.revoke')}
                    </SecondaryActionButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      {!ended && (
        <>
          <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
          <form ref={form} onSubmit={authorise} noValidate>
            <TextField
              id={EMAIL_ID}
              label={d('authorise.email')}
              type="email"
              value={email}
              error={errors[EMAIL_ID]}
              required
              onChange={setEmail}
            />
            <ButtonGroup>
              <PrimaryActionButton type="submit">{d('authorise.button')}</PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      )}
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{failure || refused}</ErrorAlert>
    </section>
  );
}
