import { type FormField, questionApplies, type WorkflowDefinition } from '@initiatief/engine';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Heading4,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment } from 'react';
import type { Attachment } from '../api/client';
import { AttachmentList } from '../components/attachments';
import { useFormText } from '../i18n/form-messages';
import { useI18n } from '../i18n/i18n';
import { filesOf } from './attachments-field';
import { fieldLabelIn } from './field-label';
import { fieldText, type ScalarField } from './field-text';
import { pageApplies, pagesOf } from './form-pages';
import { pageHeadingIn } from './page-heading';
import { type SupportersReading, supporterMarks } from './supporter-marks';

type ListField = Extract<FormField, { type: 'list' }>;

/** One value as people read it, in the page's language (fieldText). */
export function useFieldText() {
  const i18n = useI18n();
  return (field: ScalarField, value: unknown): string | null => fieldText(field, value, i18n);
}

/**
 * The form's data as the definition groups and names it: a heading per page, a list of the
 * page's values, and each list field as a table with a column per sub-field (on a narrow
 * screen every row stacks, so nothing is cut off or scrolls sideways). The applicant reads a
 * page's title ("Uw initiatief") and a question's label ("Naam van uw initiatief"); `staff`,
 * anyone else, their titles and labels for staff ("Het initiatief", "Naam van het initiatief").
 */
export function FormDataView({
  definition: def,
  data,
  files = [],
  headingLevel = 3,
  staff = false,
  supporters,
}: {
  definition: WorkflowDefinition;
  data: Record<string, unknown>;
  /** The application's uploaded files, to name what an attachments field holds. */
  files?: readonly Attachment[];
  headingLevel?: 3 | 4;
  /** Read by someone other than the applicant (staff, the desk, a helper acting for her). */
  staff?: boolean;
  /** Given: the supporters' list says per line whether it counts, and why not (staff). */
  supporters?: SupportersReading;
}) {
  const { t, locale, formatMoney, formatNumber } = useI18n();
  const formText = useFormText();
  const text = useFieldText();
  const Heading = headingLevel === 3 ? Heading3 : Heading4;
  const pages = pagesOf(def);
  const labelOf = (field: Parameters<typeof fieldLabelIn>[0]) => fieldLabelIn(field, staff, locale);

  const list = (field: ListField) => {
    const items = Array.isArray(data[field.key])
      ? (data[field.key] as Record<string, unknown>[])
      : [];
    const total =
      def.form.requestedAmount?.list === field.key
        ? items.reduce((sum, item) => {
            const v = item[def.form.requestedAmount!.field];
            return sum + (typeof v === 'number' ? v : 0);
          }, 0)
        : null;
    const reading = supporterMarks(def, field, items, data, supporters, formText);
    const marks = reading && 'mark' in reading ? reading : null;
    const note = reading && 'note' in reading ? reading.note : null;
    if (items.length === 0) {
      return (
        <DataList key={field.key} className="app-datalist">
          <DataListItem>
            <DataListKey>{labelOf(field)}</DataListKey>
            <DataListValue>{t('common.notFilled')}</DataListValue>
          </DataListItem>
        </DataList>
      );
    }
    const table = (
      <Table key={field.key} className="app-table app-table--stack">
        <caption className="app-caption">
          {labelOf(field)} ({formatNumber(items.length)})
        </caption>
        <TableHeader>
          <TableRow>
            {field.fields.map((sub) => (
              <TableHeaderCell
                key={sub.key}
                scope="col"
                className={sub.type === 'money' ? 'app-num' : undefined}
              >
                {labelOf(sub)}
              </TableHeaderCell>
            ))}
            {marks && <TableHeaderCell scope="col">{marks.heading}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no id; their place is their identity
            <TableRow key={i}>
              {field.fields.map((sub) => (
                <TableCell
                  key={sub.key}
                  data-label={labelOf(sub)}
                  className={sub.type === 'money' ? 'app-num' : undefined}
                >
                  {text(sub, item[sub.key]) ?? '–'}
                </TableCell>
              ))}
              {marks && <TableCell data-label={marks.heading}>{marks.mark(i)}</TableCell>}
            </TableRow>
          ))}
          {total !== null && (
            <TotalRow
              fields={field.fields}
              amountKey={def.form.requestedAmount!.field}
              total={formatMoney(total)}
              label={t('wizard.review.total')}
            />
          )}
        </TableBody>
      </Table>
    );
    if (!note) return table;
    return (
      <Fragment key={field.key}>
        {table}
        <Paragraph>{note}</Paragraph>
      </Fragment>
    );
  };

  return (
    <>
      {/* A page none of whose questions apply to these answers was skipped: no empty heading. */}
      {pages
        .filter((page) => pageApplies(def, page, data))
        .map((page) => {
          const fields = page.fields
            .map((key) => def.form.fields.find((f) => f.key === key))
            .filter((f): f is FormField => !!f)
            // A question not asked with these answers (`showWhen`) is not listed.
            .filter((f) => questionApplies(def.form.fields, f, data));
          const scalars = fields.filter((f) => f.type !== 'list');
          return (
            <div key={page.key} className="app-data-page">
              {pages.length > 1 && (
                <Heading className="app-subheading">{pageHeadingIn(page, staff, locale)}</Heading>
              )}
              {scalars.length > 0 && (
                <DataList className="app-datalist">
                  {scalars.map((f) => (
                    <DataListItem key={f.key}>
                      <DataListKey>{labelOf(f)}</DataListKey>
                      <DataListValue>
                        {f.type === 'attachments' ? (
                          <AttachmentList items={filesOf(data[f.key], files)} />
                        ) : (
                          (text(f, data[f.key]) ?? t('common.notFilled'))
                        )}
                      </DataListValue>
                    </DataListItem>
                  ))}
                </DataList>
              )}
              {fields.filter((f): f is ListField => f.type === 'list').map(list)}
            </div>
          );
        })}
    </>
  );
}

/**
 * The list's total under its amounts: "Totaal" over the columns before the amount, the total in
 * the amount's column, and the columns after it (a question a policy officer added behind the
 * amount) left empty, so the sum stands under what it adds up.
 */
function TotalRow({
  fields,
  amountKey,
  total,
  label,
}: {
  fields: readonly { key: string }[];
  amountKey: string;
  total: string;
  label: string;
}) {
  const at = fields.findIndex((f) => f.key === amountKey);
  // The amount first (or not found): the total beside its header, over the rest.
  const before = Math.max(at, 1);
  const after = at >= 1 ? fields.length - at - 1 : 0;
  return (
    // Stacked on a phone, the row's header and its total share one line ("Totaal € 1.234,56"):
    // the total takes no label of its own, which would say "Totaal" twice.
    <TableRow className="app-table__total">
      <TableHeaderCell scope="row" colSpan={before > 1 ? before : undefined}>
        {label}
      </TableHeaderCell>
      <TableCell className="app-num" colSpan={at >= 1 ? undefined : Math.max(fields.length - 1, 1)}>
        {total}
      </TableCell>
      {after > 0 && <TableCell colSpan={after > 1 ? after : undefined} />}
    </TableRow>
  );
}
