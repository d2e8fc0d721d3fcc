import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hex } from './api.ts';
import { hexColour, type ColourBy } from './mapColours.ts';

const SIZE = 10;
const W = Math.sqrt(3) * SIZE;
const CORNERS = Array.from({ length: 6 }, (_, i) => [SIZE * Math.cos(((60 * i - 30) * Math.PI) / 180), SIZE * Math.sin(((60 * i - 30) * Math.PI) / 180)] as const);
const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

interface Placed { hex: Hex; x: number; y: number; d: string }

/**
 * A hex cartogram (HexJSON, odd-r rows: odd rows shifted right; r grows northwards). One tab
 * stop: arrow keys move to the nearest constituency in that direction, Home and End jump to the
 * first and last, Enter or Space keeps a seat selected. The table beside it has every figure.
 */
export function HexMap({ hexes, colourBy, party, describe, label }: { hexes: Hex[]; colourBy: ColourBy; party: string; describe: (h: Hex) => string; label: string }) {
  const { t } = useTranslation();
  const placed = useMemo<Placed[]>(() => hexes
    .map((hex) => {
      const x = W * (hex.q + ((hex.r & 1) === 1 ? 0.5 : 0));
      const y = -1.5 * SIZE * hex.r;
      return { hex, x, y, d: `M${CORNERS.map(([cx, cy]) => `${(x + cx).toFixed(2)},${(y + cy).toFixed(2)}`).join('L')}Z` };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x), [hexes]);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const refs = useRef(new Map<number, SVGPathElement>());
  const box = useMemo(() => {
    const xs = placed.map((p) => p.x);
    const ys = placed.map((p) => p.y);
    return { x: Math.min(...xs) - W, y: Math.min(...ys) - SIZE * 1.5, w: Math.max(...xs) - Math.min(...xs) + 2 * W, h: Math.max(...ys) - Math.min(...ys) + 3 * SIZE };
  }, [placed]);

  const move = (to: number) => {
    setActive(to);
    refs.current.get(to)?.focus();
  };
  function onKeyDown(e: KeyboardEvent) {
    const here = placed[active];
    if (!here) return;
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      move(e.key === 'Home' ? 0 : placed.length - 1);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelected(here.hex.code === selected ? null : here.hex.code);
      return;
    }
    const dir = DIRECTIONS[e.key];
    if (!dir) return;
    e.preventDefault();
    let best = -1;
    let bestScore = Infinity;
    placed.forEach((p, i) => {
      const dx = p.x - here.x;
      const dy = p.y - here.y;
      const along = dx * dir[0] + dy * dir[1];
      if (along <= 1) return;
      const score = along + 2 * Math.abs(dx * dir[1] - dy * dir[0]);
      if (score < bestScore) { bestScore = score; best = i; }
    });
    if (best >= 0) move(best);
  }

  const current = placed.find((p) => p.hex.code === selected) ?? placed[active];
  return (
    <div className="hexmap">
      <p id="hexmap-help" className="muted">{t('elections.map.keys')}</p>
      <svg
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        role="group"
        aria-label={label}
        aria-describedby="hexmap-help"
        className="hexmap__svg"
        onKeyDown={onKeyDown}
      >
        {placed.map((p, i) => (
          <path
            key={p.hex.code}
            ref={(el) => { if (el) refs.current.set(i, el); else refs.current.delete(i); }}
            d={p.d}
            fill={hexColour(p.hex, colourBy, party)}
            className={p.hex.code === selected ? 'hexmap__hex hexmap__hex--selected' : 'hexmap__hex'}
            role="button"
            aria-label={describe(p.hex)}
            tabIndex={i === active ? 0 : -1}
            onFocus={() => setActive(i)}
            onClick={() => { setActive(i); setSelected(p.hex.code); }}
          />
        ))}
      </svg>
      {current && (
        <div className="hexmap__detail card" data-testid="hex-detail">
          <p><strong>{current.hex.name}</strong></p>
          <p>{describe(current.hex)}</p>
        </div>
      )}
    </div>
  );
}
