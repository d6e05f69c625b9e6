import { useQueries, useQuery } from '@tanstack/react-query';
import type { Diagnostic, Pathway } from '../../src-main/contract';
import { call } from '../api/client';
import { formatDate } from '../format';
import i18n from '../i18n';

/** The completed diagnostics of an organisation, in full: their needs are what a pathway answers. */
export function useOrganisationNeeds(organisationId: string | null | undefined) {
  const input = { organisationId: organisationId ?? '' };
  const summaries = useQuery({
    queryKey: ['diagnostics.listForOrganisation', input],
    queryFn: () => call('diagnostics.listForOrganisation', input),
    enabled: Boolean(organisationId),
  });
  const completed = (summaries.data ?? []).filter((d) => d.status === 'completed');
  const details = useQueries({
    queries: completed.map((d) => ({
      queryKey: ['diagnostics.get', { id: d.id }],
      queryFn: () => call('diagnostics.get', { id: d.id }),
    })),
  });
  const diagnostics = details.flatMap((q) => (q.data ? [q.data] : []));
  return {
    loading: summaries.isFetching || details.some((q) => q.isPending),
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
      group: i18n.t('training.pathways.diagnosticOf', { date: formatDate(d.conductedOn) }),
      items: [...d.needs]
        .sort((a, b) => a.priority - b.priority)
        .map((n) => ({ value: n.id, label: needLabel(domainName([d], n.domainCode), n.description) })),
    }));
  const known = new Set(groups.flatMap((g) => g.items.map((i) => i.value)));
  const others = chosen.filter((n) => !known.has(n.id));
  if (others.length) {
    groups.push({
      group: i18n.t('training.pathways.otherNeeds'),
      items: others.map((n) => ({
        value: n.id,
        label: needLabel(domainName(diagnostics, n.domainCode), n.description),
      })),
    });
  }
  return groups;
}
