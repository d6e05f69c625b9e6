import { SegmentedControl, Stack, Text, type SegmentedControlProps } from '@mantine/core';

/** A choice among a few options in a form, under its label like the other fields. */
export function SegmentedField({ label, ...props }: SegmentedControlProps & { label: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl aria-label={label} {...props} />
    </Stack>
  );
}
