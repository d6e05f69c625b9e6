import { Textarea, type TextareaProps } from '@mantine/core';

/** The renderer's text typed over several lines: the box grows with the text, from two lines unless told. */
export function LongTextField({ minRows = 2, ...props }: TextareaProps) {
  return <Textarea autosize minRows={minRows} {...props} />;
}
