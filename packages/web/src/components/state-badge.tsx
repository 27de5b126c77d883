import type { Localized } from '../forms/definition-text';
import { useI18n } from '../i18n/i18n';

/** The look of a state follows its tags (C3), its words its label in the definition. */
export function badgeClass(tags: readonly string[]): string {
  const tag = [
    'suspended',
    'draft',
    'granted',
    'closed',
    'awaiting_approval',
    'pending_decision',
  ].find((t) => tags.includes(t));
  return `app-badge${tag ? ` app-badge--tag-${tag}` : ''}`;
}

export function StateBadge({ label, tags }: { label: Localized; tags: readonly string[] }) {
  const { locale } = useI18n();
  return <span className={badgeClass(tags)}>{label[locale]}</span>;
}

/**
 * Where the badge comes once the definition that names the state has arrived: as tall as the
 * badge, so the lines below stay where they are. Screen readers hear the page's loading message.
 */
export function StateBadgePlaceholder() {
  return (
    <span className="app-badge app-badge--placeholder" aria-hidden="true">
      {'\u00a0'}
    </span>
  );
}
