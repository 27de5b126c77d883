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
  // The files are the application's as the API lists them: not those taken out of the form, nor
  // those of an answer that is not sent yet (attachments.held.ts).
  return { app, history, documents, attachments, definition: def };
}
export type ApplicationBundle = Awaited<ReturnType<typeof loadApplicationBundle>>;
