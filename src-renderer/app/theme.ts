import {
  Alert,
  Badge,
  createTheme,
  DEFAULT_THEME,
  Modal,
  Notification,
  Pagination,
  TableScrollContainer,
  type CSSVariablesResolver,
} from '@mantine/core';

export interface ControlLabels {
  close: string;
  first: string;
  previous: string;
  next: string;
  last: string;
}

/** The theme, with the buttons that show only an icon named in the interface's language. */
export const themeFor = (labels: ControlLabels) =>
  createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    headings: { fontWeight: '650' },
    components: {
      // Statuses are short words: never cut them to "ACTI…" in a narrow table column.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' }, label: { overflow: 'visible' } } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: labels.close } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.close } },
        // Under a title Mantine greys the text to gray.6, 3.3:1 on white.
        styles: { description: { color: 'var(--mantine-color-dimmed)' } },
      }),
      Pagination: Pagination.extend({
        defaultProps: { getControlProps: (control) => ({ 'aria-label': labels[control] }) },
      }),
      // A wide table's scrolling area takes the focus, so that the keyboard can scroll it too.
      TableScrollContainer: TableScrollContainer.extend({
        defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
      }),
    },
  });

/**
 * Dimmed text, errors, coloured text, filled buttons and light variants (badges, the active menu
 * entry) darker than Mantine's defaults, which read below WCAG AA's 4.5:1 on white or on their
 * own light background. Yellow, the lightest, needs more black than the others (4.5:1 on yellow.1).
 */
const darker = (color: string) =>
  `color-mix(in srgb, var(--mantine-color-${color}-9) ${color === 'yellow' ? 70 : 75}%, black)`;

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': darker('teal'),
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).flatMap((c) =>
        ['filled', 'filled-hover', 'light-color', 'text', 'outline'].map((part) => [
          `--mantine-color-${c}-${part}`,
          darker(c),
        ]),
      ),
    ),
  },
  dark: {},
});
