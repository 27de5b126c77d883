import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { EDIT_EVENT } from '../applications/applications.edit';

/*
 * Which of an application's uploaded files are its files, as SQL conditions on the file `f` and
 * its application `a`. A file taken out of the form, or left out of the answer it was uploaded
 * for, stays on the server for a while (and can be downloaded by its id), but it is no longer
 * listed as the application's and does not count towards the quota. Once it has been out for
 * RETENTION_REMOVED_FILES_DAYS the retention job deletes its contents (`takenOutBefore`).
 *
 * - A file of the application page (no field, no event; also every file from before 0042 whose
 *   field was not known, see migration 0044) is the application's from its upload.
 * - A file of one of the form's attachments fields (field, no event) is the application's while
 *   the form's data names it in that field.
 * - A file uploaded in the answer form (event: the event, field: its payload's attachments field)
 *   is the application's once a recorded event of that type names it: before the resident sends
 *   the answer it is not part of the application.
 */

/** The form's data names the file in the field it was uploaded for. */
const namedByForm = sql<SqlBool>`coalesce((a.data -> f.field) ? f.id::text, false)`;

/** A recorded event of the type the file was uploaded for names it in that payload field. */
const namedBySentEvent = sql<SqlBool>`exists (
  select 1 from application_history h
   where h.application_id = f.application_id and h.event = f.event
     and (h.payload -> f.field) ? f.id::text
)`;

/** The file is listed as the application's. */
export function isTheApplications(): RawBuilder<SqlBool> {
  return sql<SqlBool>`(case
    when f.event is not null then ${namedBySentEvent}
    when f.field is not null then ${namedByForm}
    else true
  end)`;
}

/**
 * The file counts towards the quota: it is the application's, or it is still on its way there (an
 * upload the form has not named yet, a file of an answer not sent yet). A file is taken out when
 * an edit of its field after the upload leaves it out (the resident pressed "Verwijderen"), or
 * when the answer it was uploaded for was sent without it (removed from the answer form). An
 * upload nobody named yet counts, so uploading without ever naming the files cannot pass it.
 */
export function isHeld(): RawBuilder<SqlBool> {
  const fieldEditedSince = sql<SqlBool>`exists (
    select 1 from application_history h
     where h.application_id = f.application_id and h.event = ${EDIT_EVENT}
       and h.at >= f.created_at and h.payload -> 'fields' ? f.field
  )`;
  const answeredSince = sql<SqlBool>`exists (
    select 1 from application_history h
     where h.application_id = f.application_id and h.event = f.event and h.at >= f.created_at
  )`;
  return sql<SqlBool>`(case
    when f.event is not null then ${namedBySentEvent} or not ${answeredSince}
    when f.field is not null then ${namedByForm} or not ${fieldEditedSince}
    else true
  end)`;
}

/**
 * The file was taken out (it is not held) and has been out since before `cutoff`: neither its
 * upload nor anything that could have taken it out (an edit of its field, an answer of its
 * event) is later. And nothing names it any more: no field of the form, whichever it was
 * uploaded for, and no recorded event at all (a sent answer, a report). A form file taken out
 * after the application was first submitted is kept (see below). A file of the application
 * page is always held. The retention job deletes such a file's contents.
 */
export function takenOutBefore(cutoff: Date): RawBuilder<SqlBool> {
  const changedSince = sql<SqlBool>`exists (
    select 1 from application_history h
     where h.application_id = f.application_id and h.at > ${cutoff}
       and (case when f.event is not null then h.event = f.event
            else h.event = ${EDIT_EVENT} and h.payload -> 'fields' ? f.field end)
  )`;
  const id = sql`jsonb_build_object('id', f.id::text)`;
  const namedAnywhere = sql<SqlBool>`(
    jsonb_path_exists(a.data, '$.** ? (@ == $id)', ${id})
    or exists (
      select 1 from application_history h
       where h.application_id = f.application_id
         and jsonb_path_exists(h.payload, '$.** ? (@ == $id)', ${id})
    )
  )`;
  // Once submitted, the form's data is the case file's: staff may have read a file in it, and
  // the history does not keep which files it held when (migration 0038). A form file taken out
  // after the first submission is therefore kept; only one taken out while a draft goes.
  const outAfterSubmission = sql<SqlBool>`(a.submitted_at is not null and exists (
    select 1 from application_history h
     where h.application_id = f.application_id and h.event = ${EDIT_EVENT}
       and h.at >= a.submitted_at and h.payload -> 'fields' ? f.field
  ))`;
  return sql<SqlBool>`(f.purged_at is null and (f.field is not null or f.event is not null)
    and f.created_at <= ${cutoff} and not ${isHeld()}
    and not ${changedSince} and not ${namedAnywhere}
    and (f.event is not null or not ${outAfterSubmission}))`;
}
