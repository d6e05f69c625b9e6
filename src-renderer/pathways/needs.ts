import type { Diagnostic, Pathway } from '../../src-main/contract';
import { useCall, useCalls } from '../api/hooks';
import { formatDate } from '../format';
import i18n from '../i18n';

/** The completed diagnostics of an organisation, in full: their needs are what a pathway answers. */
export function useOrganisationNeeds(organisationId: string | null | undefined) {
  const input = { organisationId: organisationId ?? '' };
  const summaries = useCall('diagnostics.listForOrganisation', input, {
    enabled: Boolean(organisationId),
    keepPrevious: false,
  });
  const completed = (summaries.data ?? []).filter((d) => d.status === 'completed');
  const details = useCalls(
    'diagnostics.get',
    completed.map((d) => ({ id: d.id })),
    { keepPrevious: false },
  );
  const diagnostics = details.each.flatMap((d) => (d ? [d] : []));
  return {
    loading: summaries.isFetching || details.isPending,
    diagnostics,
  };
}

/** The domain's name for a need, from the diagnostic's own grid; its code if the grid is not at hand. */
export function domainName(diagnostics: Diagnostic[], code: string): string {
  for (const d of diagnostics) {
    const domain = d.domains.find((x) => x.code === code);
    if (domain) return domain.name;
  }
  return code;
}

export const needLabel = (domain: string, description: string) => `${domain} — ${description}`;

/** Choices for a multi-select: the needs grouped by diagnostic, plus any already chosen elsewhere. */
export function needOptions(diagnostics: Diagnostic[], chosen: Pathway['needs'] = []) {
  const groups = diagnostics
    .filter((d) => d.needs.length > 0)
    .map((d) => ({
      group: i18n.t('pathways.diagnosticOf', { date: formatDate(d.conductedOn) }),
      items: [...d.needs]
        .sort((a, b) => a.priority - b.priority)
        .map((n) => ({ value: n.id, label: needLabel(domainName([d], n.domainCode), n.description) })),
    }));
  const known = new Set(groups.flatMap((g) => g.items.map((i) => i.value)));
  const others = chosen.filter((n) => !known.has(n.id));
  if (others.length) {
    groups.push({
      group: i18n.t('pathways.otherNeeds'),
      items: others.map((n) => ({
        value: n.id,
        label: needLabel(domainName(diagnostics, n.domainCode), n.description),
      })),
    });
  }
  return groups;
}
