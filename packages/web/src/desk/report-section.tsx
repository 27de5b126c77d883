import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Application } from '../api/client';
import type { DeskApplication } from './desk-api';
import { useDeskText } from './desk-messages';

/** The resident's report (text, costs) on the case page, so staff read it before settling. */
export function ReportSection({ app }: { app: Application }) {
  const { d, locale, formatMoney, formatNumber } = useDeskText();
  const entries = (app as DeskApplication).report ?? [];
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="report-title" className="app-section app-section--highlight">
      <Heading2 id="report-title" className="app-subheading">
        {d('report.title')}
      </Heading2>
      <Paragraph>{d('report.intro')}</Paragraph>
      <DataList className="app-datalist">
        {entries.map((e) => (
          <DataListItem key={e.key}>
            <DataListKey>{e.label[locale]}</DataListKey>
            <DataListValue multiline={typeof e.value === 'string'}>
              {typeof e.value === 'number'
                ? e.unit === 'cents'
                  ? formatMoney(e.value)
                  : e.unit === 'code'
                    ? String(e.value)
                    : formatNumber(e.value)
                : String(e.value ?? '–')}
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}
