import { Button, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The button that starts a new record, on a page or (`size="xs"`) in a card: an action, or a link to `to`. */
export function NewButton({
  to,
  size,
  ...props
}: ButtonProps & { to?: string; onClick?: () => void; children: ReactNode }) {
  const icon = <IconPlus size={size === 'xs' ? 14 : 16} />;
  return to ? (
    <Button component={Link} to={to} size={size} leftSection={icon} {...props} />
  ) : (
    <Button size={size} leftSection={icon} {...props} />
  );
}
