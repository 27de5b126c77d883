import {
  type FormField,
  questionApplies,
  supportersRule,
  type WorkflowDefinition,
} from '@initiatief/engine';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Attachment } from '../../api/client';
import { AttachmentList } from '../../components/attachments';
import { useLoad } from '../../components/use-load';
import { deskApi } from '../../desk/desk-api';
import { filesOf } from '../../forms/attachments-field';
import { fieldLabelIn } from '../../forms/field-label';
import { isAgeInYears, type ScalarField, withQuestion } from '../../forms/field-text';
import { useFieldText } from '../../forms/form-data-view';
import { ATTACHMENTS_STEP, askedPagesOf, hasAttachmentsField } from '../../forms/form-pages';
import { pageHeadingIn } from '../../forms/page-heading';
import { type SupportersReading, supporterMarks } from '../../forms/supporter-marks';
import { useFormText } from '../../i18n/form-messages';
import { useI18n } from '../../i18n/i18n';
import { AppLink, useRouter } from '../../router/router';

/**
 * Everything filled in, page by page as the definition groups it, each with a link to change it.
 * A total over the regulation's maximum is in the error summary above (form-pager.tsx). The desk
 * or a helper filling it in for someone reads the pages' titles and the questions' labels for
 * staff ("Het initiatief", "Naam van het initiatief").
 */
export function FormReview({
  definition: def,
  data,
  total,
  attachments,
  hrefOf,
  sendsWith = null,
  staff = false,
  applicantName,
  supporters,
}: {
  definition: WorkflowDefinition;
  data: Record<string, unknown>;
  total: number;
  attachments: Attachment[];
  /** A step's address (its page's word, step-addresses.ts). */
  hrefOf(step: string): string;
  /**
   * Null when this step sends the application. Otherwise the changes are kept and go with a step
   * on the application's page: its label ('' when the page offers none now).
   */
  sendsWith?: string | null;
  /** Filled in by someone other than the applicant (the desk, a helper acting for her). */
  staff?: boolean;
  /** Whose application it is, when someone else fills it in: the declaration names her. */
  applicantName?: string;
  /**
   * Whose application it is and where: each supporter's line then says whether the step that
   * sends it counts him, and why not, before it is sent rather than in a refusal after.
   */
  supporters?: SupportersReading & { applicationId: string };
}) {
  const { t, tn, locale, formatMoney } = useI18n();
  const shown = useFieldText();
  const formText = useFormText();
  // Once anyone is invited the step counts who confirmed, not these names: then they get no mark.
  const counting = useLoad(
    () =>
      supporters && supportersRule(def)
        ? deskApi.supporters(supporters.applicationId).then((list) => list.counting)
        : Promise.resolve(null),
    [supporters?.applicationId, def],
  );
  const reading = counting.data === 'form' ? supporters : undefined;
  // A list's row in one line, without its column headers: an age says it is one ("45 jaar"),
  // and a bare Ja or Nee says what it answers ("Woont in de buurt: Ja").
  const inRow = (sub: ScalarField, value: unknown) => {
    const text = shown(sub, value);
    if (text === null) return t('common.notFilled');
    if (sub.type === 'yesno') return withQuestion(fieldLabelIn(sub, staff, locale), text);
    return typeof value === 'number' && isAgeInYears(sub) ? tn('form.age', value) : text;
  };
  const { navigate } = useRouter();

  const row = (key: string, label: string, value: ReactNode) => (
    <DataListItem key={key}>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value ?? t('common.notFilled')}</DataListValue>
    </DataListItem>
  );

  const rows = (field: FormField): ReactNode[] => {
    const label = fieldLabelIn(field, staff, locale);
    if (field.type === 'attachments') {
      const files = filesOf(data[field.key], attachments);
      return [row(field.key, label, <AttachmentList items={files} />)];
    }
    if (field.type !== 'list') {
      return [row(field.key, label, shown(field, data[field.key]))];
    }
    const items = Array.isArray(data[field.key])
      ? (data[field.key] as Record<string, unknown>[])
      : [];
    if (items.length === 0) return [row(field.key, label, null)];
    const marked = supporterMarks(def, field, items, data, reading, formText);
    const mark = marked && 'mark' in marked ? marked.mark : null;
    const out = items.map((item, i) => {
      const line = field.fields.map((sub) => inRow(sub, item[sub.key])).join(' · ');
      return row(
        `${field.key}.${i}`,
        t('form.item', { list: label, n: i + 1 }),
        mark ? (
          <>
            <span>{line}</span> {mark(i)}
          </>
        ) : (
          line
        ),
      );
    });
    if (def.form.requestedAmount?.list === field.key) {
      out.push(row(`${field.key}.total`, t('wizard.review.total'), formatMoney(total)));
    }
    return out;
  };

  const section = (key: string, title: string, children: ReactNode) => (
    <section key={key} className="app-review-section" aria-labelledby={`review-${key}`}>
      <div className="app-review-section__head">
        <Heading2 id={`review-${key}`} className="app-subheading">
          {title}
        </Heading2>
        <AppLink
          href={hrefOf(key)}
          aria-label={t('wizard.changeStep', { step: title })}
          onClick={(e) => {
            // A step of the same wizard: nothing is left behind, so no question before leaving.
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            navigate(hrefOf(key), { force: true });
          }}
        >
          {t('wizard.change')}
        </AppLink>
      </div>
      {children}
    </section>
  );

  return (
    <>
      <Paragraph>
        {sendsWith === null
          ? t('wizard.review.intro')
          : sendsWith
            ? t('wizard.review.introChanges', { step: sendsWith })
            : t('wizard.review.introKept')}
      </Paragraph>
      {/* A page none of whose questions apply to these answers is no step, and not listed. */}
      {askedPagesOf(def, data).map((page) =>
        section(
          page.key,
          pageHeadingIn(page, staff, locale),
          <DataList className="app-datalist">
            {page.fields.flatMap((key) => {
              const field = def.form.fields.find((f) => f.key === key);
              // A question not asked with these answers (`showWhen`) is not listed.
              return field && questionApplies(def.form.fields, field, data) ? rows(field) : [];
            })}
          </DataList>,
        ),
      )}
      {!hasAttachmentsField(def) &&
        section(
          ATTACHMENTS_STEP,
          t('wizard.step.attachments'),
          <AttachmentList items={attachments} />,
        )}
      {sendsWith === null && (
        <Paragraph>
          {applicantName
            ? t('wizard.review.declarationFor', { name: applicantName })
            : t('wizard.review.declaration')}
        </Paragraph>
      )}
    </>
  );
}
