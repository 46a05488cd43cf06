/**
 * Wide tables become one card per row on a phone (styles.css, `.card-table`). Each cell is
 * labelled with its column's heading for the card layout, and the table keeps its meaning for
 * screen readers through explicit ARIA roles, since `display: block` drops the native ones.
 */
export function asCardTable(table: HTMLTableElement): HTMLTableElement {
  table.classList.add('card-table');
  table.setAttribute('role', 'table');
  const headings = Array.from(table.tHead?.rows[0]?.cells ?? []).map((c) => c.textContent ?? '');
  for (const section of [table.tHead, ...Array.from(table.tBodies)]) {
    section?.setAttribute('role', 'rowgroup');
    for (const row of Array.from(section?.rows ?? [])) {
      row.setAttribute('role', 'row');
      Array.from(row.cells).forEach((cell, i) => {
        cell.setAttribute('role', roleOf(cell, section === table.tHead));
        const label = headings[i];
        if (label && section !== table.tHead) cell.dataset.label = label;
      });
    }
  }
  return table;
}

function roleOf(cell: HTMLTableCellElement, inHead: boolean): string {
  if (inHead) return 'columnheader';
  return cell.tagName === 'TH' ? 'rowheader' : 'cell';
}
