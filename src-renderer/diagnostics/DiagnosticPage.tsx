import { useLocation, useParams } from 'react-router';
import type { Diagnostic } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { DiagnosticForm } from './DiagnosticForm';
import type { Grid } from './values';

/**
 * A new diagnostic (`/organisations/:organisationId/diagnostics/nouveau`), scored on the
 * current grid, or an existing one (`/diagnostics/:id`), always on its own grid version.
 */
export function DiagnosticPage() {
  const { id, organisationId = '' } = useParams();
  if (id) return <ExistingDiagnostic id={id} />;
  return <NewDiagnostic organisationId={organisationId} />;
}

function NewDiagnostic({ organisationId }: { organisationId: string }) {
  const organisation = useCall('organisations.get', { id: organisationId });
  const current = useCall('grids.current', {});
  return (
    <QueryState query={organisation}>
      {(o) => (
        <QueryState query={current}>
          {(grid) => <DiagnosticForm organisation={{ id: o.id, name: o.name }} grid={grid} />}
        </QueryState>
      )}
    </QueryState>
  );
}

const gridOf = (d: Diagnostic): Grid => ({
  id: d.frameworkVersionId,
  version: d.frameworkVersion,
  scaleMin: d.scaleMin,
  scaleMax: d.scaleMax,
  domains: d.domains,
});

function ExistingDiagnostic({ id }: { id: string }) {
  const query = useCall('diagnostics.get', { id });
  // Set when a new diagnostic was saved but could not be completed (see DiagnosticForm).
  const state: unknown = useLocation().state;
  const refusal =
    state && typeof state === 'object' && 'refusal' in state && typeof state.refusal === 'string'
      ? state.refusal
      : undefined;
  return (
    <QueryState query={query}>
      {(d) => (
        <DiagnosticForm
          key={d.id}
          organisation={{ id: d.organisationId, name: d.organisationName }}
          grid={gridOf(d)}
          diagnostic={d}
          refusal={refusal}
        />
      )}
    </QueryState>
  );
}
