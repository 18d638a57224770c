/**
 * The accepted answers of a row: a Python or JSON list of strings written as the answer
 * ("['2', 'two']", as some VLMEvalKit VQA files store several) gives each; any other answer is the
 * one target. Parsed as a literal, never evaluated.
 */
export function answerTargets(answer: string): string[] {
  const text = answer.trim();
  if (!(text.startsWith('[') && text.endsWith(']'))) return [answer];
  const items: string[] = [];
  const item = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*(,|$)/y;
  const body = text.slice(1, -1);
  item.lastIndex = 0;
  while (item.lastIndex < body.length) {
    const match = item.exec(body);
    if (!match) return [answer];
    items.push((match[1] ?? match[2]).replace(/\\(.)/g, '$1'));
    if (match[3] === '') break;
  }
  return items.length > 0 && item.lastIndex >= body.length ? items : [answer];
}
