import { type ApplicationQuery, api } from '../api/client';
import { ahead } from '../api/http';
import { loadDefinition, loadVocabularies } from '../forms/definitions';

/** The list on "Mijn aanvragen" (the page asks exactly this, so the early answer is taken). */
export const MY_APPLICATIONS_QUERY: ApplicationQuery = { sort: 'updated', limit: 100 };

/**
 * What a resident's page asks first, by route: the router starts these as soon as the route
 * matches, side by side with loading the page's own code (api/http.ts `ahead`). On a slow
 * mobile line that takes a round trip or two off the time until the page shows its content.
 * Only for a logged-in visitor; a page asks again for whatever was not asked here.
 */
export const PAGE_DATA: Record<string, (params: Record<string, string>) => void> = {
  '/aanvragen': () => {
    void ahead(() => api.listApplications(MY_APPLICATIONS_QUERY));
    void loadVocabularies().catch(() => undefined);
  },
  '/aanvragen/:id': ({ id }) => applicationAhead(id!, true),
  '/aanvragen/:id/bewerken': ({ id }) => applicationAhead(id!, false),
  '/aanvragen/:id/bewerken/:step': ({ id }) => applicationAhead(id!, false),
};

function applicationAhead(id: string, page: boolean): void {
  void ahead(async () => {
    const application = api.getApplication(id);
    // The form needs all of these for its first page. The application page shows its heading
    // with the application alone; it asks its history, letters and files itself, beside the
    // definition, so they do not share the slow line with what the heading waits for.
    if (!page) {
      void api.regulations();
      void api.attachments(id);
    }
    // The definition is asked once the application names its version (definitions.ts keeps it).
    await loadDefinition((await application).definition);
  });
}
