import { Text } from '@mantine/core';
import { formatEur, formatFcfa } from '../format';

/** An agreement's amount in FCFA, its value in euros under it. */
export function AgreementAmount({ fcfa, eur }: { fcfa: number; eur: number }) {
  return (
    <>
      {formatFcfa(fcfa)}
      <Text size="xs" c="dimmed">
        {formatEur(eur)}
      </Text>
    </>
  );
}
