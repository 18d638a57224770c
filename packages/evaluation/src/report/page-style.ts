/** The report pages' stylesheet (inline: the pages load nothing). */
export const PAGE_STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2d3d; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 34px 0 10px; border-bottom: 1px solid #d9dee5; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
.meta { color: #4a5563; font-size: 14px; margin: 2px 0; }
table { border-collapse: collapse; margin: 10px 0 16px; font-size: 14px; }
th, td { border-bottom: 1px solid #e6e9ee; padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: #f4f6f9; font-weight: 600; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
svg.chart { background: #fff; border: 1px solid #e6e9ee; border-radius: 6px; max-width: 100%; height: auto; }
.notes li { margin: 3px 0; }
.examples { display: grid; grid-template-columns: 1fr; gap: 14px; }
.example { border: 1px solid #d9dee5; border-radius: 6px; padding: 10px 14px; }
.example header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; font-size: 14px; }
.example .verdict { font-weight: 700; padding: 1px 8px; border-radius: 10px; font-size: 13px; }
.verdict.right { background: #dff3e6; color: #1d6b3d; }
.verdict.wrong { background: #fbe3e0; color: #9b2c1f; }
.verdict.graded { background: #e8eef8; color: #2c4f86; }
.example .body { display: flex; gap: 14px; align-items: flex-start; }
.example .thumb { width: 180px; flex: none; display: flex; flex-direction: column; align-items: center; gap: 4px; font-size: 12px; color: #4a5563; }
.example .thumb img, .example .thumb svg { max-width: 180px; max-height: 180px; border: 1px solid #e6e9ee; border-radius: 4px; }
.legend-truth { color: #1d8a4a; font-weight: 600; }
.legend-predicted { color: #d0312d; font-weight: 600; }
.example pre { white-space: pre-wrap; word-break: break-word; background: #f7f8fa; border-radius: 4px; padding: 6px 8px; margin: 4px 0; font-size: 13px; max-height: 220px; overflow: auto; }
.example dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; font-size: 14px; flex: 1; min-width: 0; }
.example dt { color: #4a5563; }
.example dd { margin: 0; min-width: 0; }
.up { color: #2e8b57; font-weight: 600; }
.down { color: #c0392b; font-weight: 600; }
.flat { color: #4a5563; }
details { margin: 8px 0; }
code { background: #f4f6f9; padding: 0 3px; border-radius: 3px; }
`;
