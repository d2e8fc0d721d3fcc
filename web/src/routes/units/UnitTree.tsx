import { useMemo } from 'react';
import { Button, Collection, Tree, TreeItem, TreeItemContent } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { UnitListItem } from './api.ts';

interface Node extends UnitListItem { children: Node[] }

/** Nests the flat, path-ordered list (siblings by name); units whose parent is not visible become roots. */
function nest(list: UnitListItem[]): Node[] {
  const byId = new Map<string, Node>();
  const roots: Node[] = [];
  for (const u of list) {
    const node: Node = { ...u, children: [] };
    byId.set(u.id, node);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(node); else roots.push(node);
  }
  // The API answers in path order, which puts siblings in id order; people look for names.
  const byName = (nodes: Node[]) => { nodes.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')); for (const n of nodes) byName(n.children); };
  byName(roots);
  return roots;
}

/**
 * The organisation tree as an ARIA tree grid: arrow keys move and open or close units, Enter
 * opens the unit's page. Small trees start fully open; large ones show the top two levels.
 */
export function UnitTree({ units, label }: { units: UnitListItem[]; label: string }) {
  const { t } = useTranslation();
  const roots = useMemo(() => nest(units), [units]);
  const defaultExpanded = useMemo(() => {
    const parents = new Set(units.map((u) => u.parentId).filter((p): p is string => !!p));
    const minDepth = Math.min(...units.map((u) => u.depth));
    return units.filter((u) => parents.has(u.id) && (units.length <= 60 || u.depth <= minDepth + 1)).map((u) => u.id);
  }, [units]);

  const renderItem = (u: Node) => (
    <TreeItem id={u.id} textValue={u.name} href={`/units/${u.id}`} className="unit-tree__item">
      <TreeItemContent>
        {({ hasChildItems }) => (
          <div className="unit-tree__row">
            {hasChildItems ? (
              <Button slot="chevron" className="react-aria-Button unit-tree__chevron"><span aria-hidden="true" className="unit-tree__icon" /></Button>
            ) : <span className="unit-tree__spacer" />}
            <span className="unit-tree__text">
              <span className="unit-tree__name">{u.name}</span>
              <span className="unit-tree__meta">
                {t(`units.kinds.${u.kind}`)}
                {u.peopleCount !== null && <> · {t('units.peopleCount', { count: u.peopleCount, n: formatNumber(u.peopleCount) })}</>}
                {' · '}{t('units.areaCount', { count: u.areaCount, n: formatNumber(u.areaCount) })}
              </span>
            </span>
          </div>
        )}
      </TreeItemContent>
      <Collection items={u.children}>{renderItem}</Collection>
    </TreeItem>
  );

  return (
    <Tree aria-label={label} items={roots} defaultExpandedKeys={defaultExpanded} className="unit-tree">
      {renderItem}
    </Tree>
  );
}
