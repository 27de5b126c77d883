import { type ApplicationQuery, api } from '../api/client';
import { ahead } from '../api/http';
import { loadDefinition, loadVocabularies } from '../forms/definitions';

/** The list on "Mijn aanvragen" (the page asks exactly this, so the early answer is taken). */
export const MY_APPLICATIONS_QUERY: ApplicationQuery = { sort: 'updated', limit: 100 };

/** A page's early questions (`ask`), and what they are about (`about`): see PAGE_DATA. */
export interface PageData {
  about(params: Record<string, string>): string;
  ask(params: Record<string, string>): void;
}

const form: PageData = {
  about: ({ id }) => `form ${id}`,
  ask: ({ id }) => applicationAhead(id!, false),
};

/**
 * What a resident's page asks first, by route: the router starts these as soon as the route
 * matches, side by side with loading the page's own code (api/http.ts `ahead`). On a slow
 * mobile line that takes a round trip or two off the time until the page shows its content.
 * Only for a logged-in visitor; a page asks again for whatever was not asked here.
 *
 * Asked once per visit of what they are about (`about`): the form's steps are one page, which
 * loads its data once, so moving to the next step asks nothing ahead (nothing would take it).
 */
export const PAGE_DATA: Record<string, PageData> = {
  '/aanvragen': {
    about: () => 'my applications',
    ask: () => {
      void ahead(() => api.listApplications(MY_APPLICATIONS_QUERY));
      void loadVocabularies().catch(() => undefined);
    },
  },
  '/aanvragen/:id': {
    about: ({ id }) => `application ${id}`,
    ask: ({ id }) => applicationAhead(id!, true),
  },
  '/aanvragen/:id/bewerken': form,
  '/aanvragen/:id/bewerken/:step': form,
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
