import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { influences, stances, type MapActor } from './api.ts';

/**
 * The power map as an influence × stance grid. The actors are one group of buttons with a
 * single tab stop: arrow keys move up and down by influence and across by stance (to the
 * nearest actor that way), Home and End to the first and last; Enter or Space opens one.
 * Every button names the actor with their influence, stance and target mark, so the grid
 * reads the same without sight of it. The table beside it is the alternative view.
 */
export function PowerGrid({ actors, selectedId, onSelect }: { actors: MapActor[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  // Reading order: most influential row first, opposed to supportive within a row.
  const ordered = [...actors].sort((a, b) => b.influence - a.influence || a.stance - b.stance);
  const active = ordered.find((a) => a.id === focusId) ?? ordered.find((a) => a.id === selectedId) ?? ordered[0];

  const label = (a: MapActor) => {
    const base = t('campaigns.map.actorName', { name: a.name, influence: a.influence, stanceValue: a.stance > 0 ? `+${a.stance}` : String(a.stance), stance: t(`campaigns.map.stances.${a.stance}`) });
    return a.target ? `${base}; ${t(`campaigns.map.${a.target}Mark`)}` : base;
  };

  function neighbour(from: MapActor, key: string): MapActor | undefined {
    const row = ordered.filter((a) => a.influence === from.influence);
    const at = row.indexOf(from);
    switch (key) {
      case 'ArrowRight': return row[at + 1];
      case 'ArrowLeft': return row[at - 1];
      case 'Home': return ordered[0];
      case 'End': return ordered[ordered.length - 1];
      case 'ArrowUp':
      case 'ArrowDown': {
        const up = key === 'ArrowUp';
        const rows = ordered.filter((a) => (up ? a.influence > from.influence : a.influence < from.influence));
        if (rows.length === 0) return undefined;
        const nearest = up ? Math.min(...rows.map((a) => a.influence)) : Math.max(...rows.map((a) => a.influence));
        return rows.filter((a) => a.influence === nearest).sort((a, b) => Math.abs(a.stance - from.stance) - Math.abs(b.stance - from.stance))[0];
      }
      default: return undefined;
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, a: MapActor) {
    if (!['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = neighbour(a, e.key);
    if (!next) return;
    setFocusId(next.id);
    buttons.current.get(next.id)?.focus();
  }

  return (
    <div>
      <p id={`${uid}-title`} className="power-grid__caption">{t('campaigns.map.gridLabel')}</p>
      <p id={`${uid}-help`} className="hint">{t('campaigns.map.gridHelp')}</p>
      <div className="power-grid" role="group" aria-labelledby={`${uid}-title`} aria-describedby={`${uid}-help`}>
        <div className="power-grid__axis">{t('campaigns.map.influenceAxis')} / {t('campaigns.map.stanceAxis')}</div>
        {stances.map((s) => <div key={s} className="power-grid__axis">{t(`campaigns.map.stances.${s}`)}</div>)}
        {influences.map((inf) => (
          <div key={inf} style={{ display: 'contents' }}>
            <div className="power-grid__axis">{t('campaigns.map.influenceN', { n: inf })}</div>
            {stances.map((s) => (
              <div key={s} className="power-grid__cell">
                {ordered.filter((a) => a.influence === inf && a.stance === s).map((a) => (
                  <button
                    key={a.id}
                    type="button"
                    ref={(el) => { if (el) buttons.current.set(a.id, el); else buttons.current.delete(a.id); }}
                    className={`button--secondary power-grid__actor${a.target === 'primary' ? ' power-grid__actor--primary' : ''}`}
                    tabIndex={a.id === active?.id ? 0 : -1}
                    aria-label={label(a)}
                    aria-pressed={a.id === selectedId}
                    onFocus={() => setFocusId(a.id)}
                    onKeyDown={(e) => onKeyDown(e, a)}
                    onClick={() => onSelect(a.id)}
                  >
                    {a.target && <span className="power-grid__mark" aria-hidden="true">{t(`campaigns.map.targets.${a.target}`)}</span>}
                    {a.name}
                  </button>
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
