import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Column, Report } from '../../contract';
import { barsSvg, radarSvg } from '../../contract/reportCharts';
import { formatCell, frenchDate } from '../../contract/reportFormat';

/**
 * Roboto covers French (accents, « », ’, no-break spaces). pdfmake ships it; the packaged app has
 * its own copy beside the archive (electron-builder.yml), given to createCore as `fontsFolder`.
 */
export const defaultFontsFolder = () =>
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/build/fonts/Roboto/Roboto-Regular.ttf'));

function useFonts(folder: string) {
  const font = (file: string) => path.join(folder, file);
  pdfmake.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  // A report never fetches anything: no URL, no file but the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === path.resolve(folder));
}

const INK = '#212529';
const MUTED = '#6c757d';
const ACCENT = '#0b7285';
const WARNING = '#b3541e';
const numeric = (c: Column) => c.format !== 'text' && c.format !== 'date';

function tableContent(block: Extract<Block, { type: 'table' }>, landscape: boolean): Content[] {
  const header: TableCell[] = block.columns.map((c) => ({
    text: c.label,
    style: 'th',
    alignment: numeric(c) ? 'right' : 'left',
  }));
  const row = (cells: (string | number | null)[], bold = false): TableCell[] =>
    block.columns.map((c, i) => ({
      // A total row leaves the cells it does not add up empty.
      text: bold && cells[i] == null ? '' : formatCell(cells[i] ?? null, c.format),
      alignment: numeric(c) ? 'right' : 'left',
      bold,
      noWrap: numeric(c),
    }));
  // The title is the table's first header row: it stays with the table and repeats on each page.
  const titleRows: TableCell[][] = block.title
    ? [
        [
          {
            text: block.title,
            style: 'tableTitle',
            colSpan: block.columns.length,
            border: [false, false, false, false],
          },
          ...block.columns.slice(1).map(() => ({ text: '' })),
        ],
      ]
    : [];
  const heads = titleRows.length + 1;
  const body = [
    ...titleRows,
    header,
    ...block.rows.map((r) => row(r)),
    ...(block.total ? [row(block.total, true)] : []),
  ];
  if (block.rows.length === 0) {
    return [
      ...(block.title ? [{ text: block.title, style: 'tableTitle' }] : []),
      { text: 'Aucune donnée.', italics: true, color: MUTED, margin: [0, 0, 0, 8] },
    ];
  }
  return [
    {
      table: {
        headerRows: heads,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: block.columns.map((c) => c.width ?? (numeric(c) ? 'auto' : '*')),
        heights: block.signatures ? (i: number) => (i < heads ? 14 : 26) : undefined,
        body,
      },
      layout: {
        fillColor: (i: number) =>
          i === heads - 1 ? '#e9ecef' : block.total && i === body.length - 1 ? '#f1f3f5' : null,
        hLineWidth: (i: number) => (i < heads - 1 ? 0 : i <= heads ? 0.8 : 0.4),
        vLineWidth: () => (block.signatures ? 0.4 : 0),
        hLineColor: () => '#ced4da',
        vLineColor: () => '#ced4da',
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      fontSize: block.columns.length > 8 || landscape ? 8 : 9,
      margin: [0, 0, 0, 10],
    },
  ];
}

function blockContent(block: Block, landscape: boolean): Content | Content[] {
  switch (block.type) {
    case 'text':
      return { text: block.text, margin: [0, 0, 0, 8] };
    case 'figures':
      return {
        columns: block.items.map((item) => ({
          stack: [
            { text: formatCell(item.value, item.format), fontSize: 16, bold: true, color: ACCENT },
            { text: item.label, fontSize: 8, color: MUTED },
          ],
        })),
        columnGap: 12,
        margin: [0, 2, 0, 12],
      };
    case 'table':
      return tableContent(block, landscape);
    case 'bars':
      return {
        stack: [
          { text: block.title, style: 'tableTitle' },
          { svg: barsSvg(block), width: 480 },
        ],
        unbreakable: true,
        margin: [0, 0, 0, 10],
      };
    case 'radar':
      return {
        stack: [
          { text: block.title, style: 'tableTitle' },
          { svg: radarSvg(block), width: 250, alignment: 'center' },
        ],
        unbreakable: true,
        margin: [0, 0, 0, 10],
      };
  }
}

function cover(report: Report): Content[] {
  return [
    { text: report.programme.toUpperCase(), color: MUTED, fontSize: 11, margin: [0, 140, 0, 20] },
    { text: report.title, fontSize: 26, bold: true, color: INK },
    { text: report.subtitle, fontSize: 14, color: ACCENT, margin: [0, 10, 0, 24] },
    ...report.scope.map((s) => ({ text: s, color: MUTED })),
    ...warning(report),
    {
      text: `Établi le ${frenchDate(report.generatedAt)} avec Parcours, à partir des données enregistrées.`,
      color: MUTED,
      fontSize: 9,
      margin: [0, 40, 0, 0],
      pageBreak: 'after',
    },
  ];
}

function banner(report: Report): Content[] {
  return [
    { text: report.programme, color: MUTED, fontSize: 8 },
    { text: report.title, fontSize: 15, bold: true, color: INK, margin: [0, 2, 0, 0] },
    { text: [report.subtitle, ...report.scope].join(' · '), color: ACCENT, margin: [0, 2, 0, 10] },
    ...warning(report),
  ];
}

/** Provisional figures, said where the report begins. */
const warning = (report: Report): Content[] =>
  report.warning ? [{ text: report.warning, bold: true, color: WARNING, margin: [0, 12, 0, 10] }] : [];

export function pdfDefinition(report: Report): TDocumentDefinitions {
  const content: Content[] = report.cover ? cover(report) : banner(report);
  for (const section of report.sections) {
    content.push({ text: section.title, style: 'h2', headlineLevel: 1 });
    const blocks = section.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = blocks[i + 1];
      // A radar sits beside the table of its values.
      if (block.type === 'radar' && next?.type === 'table') {
        content.push({
          columns: [
            { width: 260, stack: [blockContent(block, report.landscape)].flat() },
            { width: '*', stack: [blockContent(next, report.landscape)].flat() },
          ],
          columnGap: 12,
        });
        i++;
      } else content.push(...[blockContent(block, report.landscape)].flat());
    }
  }
  return {
    pageSize: 'A4',
    pageOrientation: report.landscape ? 'landscape' : 'portrait',
    pageMargins: [40, 48, 40, 48],
    info: { title: `${report.title} — ${report.subtitle}`, author: 'Parcours', creator: 'Parcours' },
    // The first page has the cover or the banner instead.
    header: (page) =>
      page === 1
        ? null
        : {
            text: `${report.title} — ${report.subtitle}`,
            fontSize: 7,
            color: MUTED,
            margin: [40, 24, 40, 0],
          },
    footer: (page, pages) => ({
      columns: [
        { text: report.programme, fontSize: 7, color: MUTED },
        { text: `Page ${page} / ${pages}`, fontSize: 7, color: MUTED, alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
    // No heading alone at the bottom of a page: one in the last fifth starts the next page.
    // (pdfmake's node queries cannot tell: a table it moves keeps its old positions.)
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.8,
    defaultStyle: { font: 'Roboto', fontSize: 9, color: INK, lineHeight: 1.15 },
    styles: {
      h2: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 10, 0, 6] },
      tableTitle: { fontSize: 10, bold: true, margin: [0, 4, 0, 4] },
      th: { bold: true, fontSize: 8, color: INK },
    },
  };
}

/** The report as a PDF: cover, page numbers, tables repeating their headers, vector charts. */
export async function renderPdf(report: Report, fontsFolder: string): Promise<Buffer> {
  useFonts(fontsFolder);
  const document = pdfmake.createPdf(pdfDefinition(report));
  return Buffer.from(await document.getBuffer());
}
