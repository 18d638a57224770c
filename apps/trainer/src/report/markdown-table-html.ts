import { escapeXml } from './svg-line-chart';

/** Markdown tables (lines of "| a | b |") as HTML tables; other lines as paragraphs. */
export function markdownTablesHtml(markdown: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length === 0) return;
    const [head, ...body] = table.filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
    out.push(`<table><tr>${head.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>${body.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('|')) {
      table.push(line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
    } else {
      flush();
      if (line.trim()) out.push(`<p>${escapeXml(line.replace(/^#+\s*/, ''))}</p>`);
    }
  }
  flush();
  return out.join('\n');
}
