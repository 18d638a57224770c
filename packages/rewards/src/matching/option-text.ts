const TRAILING_PUNCTUATION = /[\s.,;:!?。]+$/u;

/** Normalised option text: lower case, single spaces, no trailing punctuation. */
export function normaliseOptionText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().replace(TRAILING_PUNCTUATION, '');
}

/** Index of the option whose normalised text equals the answer's, or -1. */
export function optionIndexByText(answer: string, options: readonly string[]): number {
  const wanted = normaliseOptionText(answer);
  if (wanted.length === 0) return -1;
  return options.findIndex((option) => normaliseOptionText(option) === wanted);
}
