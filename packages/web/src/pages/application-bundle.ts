import { attachmentRefs, type WorkflowDefinition } from '@initiatief/engine';
import {
  type Application,
  type Attachment,
  api,
  type DocumentSummary,
  type HistoryEntry,
} from '../api/client';
import { loadDefinition } from '../forms/definitions';

/**
 * Everything a page about one application needs, loaded side by side. The definition is asked
 * as soon as the application names the version it is pinned to, not after the rest; a page that
 * can show something with the application alone (its heading) hears it through `onApplication`.
 */
export async function loadApplicationBundle(
  id: string,
  onApplication?: (app: Application) => void,
) {
  const application = api.getApplication(id);
  // Labels, tags and forms come from the version the application is pinned to.
  const definition = application.then((app) => {
    onApplication?.(app);
    return loadDefinition(app.definition).catch(() => undefined);
  });
  const [app, history, documents, attachments, def] = await Promise.all([
    application,
    api.history(id).catch(() => [] as HistoryEntry[]),
    api.documents(id).catch(() => [] as DocumentSummary[]),
    api.attachments(id).catch(() => [] as Attachment[]),
    definition,
  ]);
  return {
    app,
    history,
    documents,
    attachments: attachmentsOf(def, app.data ?? {}, attachments),
    definition: def,
  };
}

/**
 * The files that are the application's: a file uploaded for one of the form's attachments fields
 * counts while the form's data names it; taken out of the field again ("Verwijderen"), it is not
 * the application's any more, though the server keeps it. Files that go with an answer or a report
 * name no field and always count.
 */
export function attachmentsOf(
  def: WorkflowDefinition | undefined,
  data: Record<string, unknown>,
  files: Attachment[],
): Attachment[] {
  if (!def) return files;
  const named = new Set(attachmentRefs(def, data).map((r) => r.id));
  return files.filter((f) => !f.field || named.has(f.id));
}
export type ApplicationBundle = Awaited<ReturnType<typeof loadApplicationBundle>>;
