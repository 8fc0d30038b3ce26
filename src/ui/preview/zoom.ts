// The preview's zoom: fit to the width of the window (never larger than the real sheet), or a
// fixed scale of the real sheet. The choice is kept for the browser session (a clerk who chose
// 100 % gets it back on the next visit to 预览; every new tab starts from 适合宽度).
import { useCallback, useEffect, useState, type RefObject } from 'react';

export type Zoom = 'fit' | '0.75' | '1' | '1.25';

export const ZOOMS: { value: Zoom; label: string }[] = [
  { value: 'fit', label: '适合宽度' },
  { value: '0.75', label: '75%' },
  { value: '1', label: '100%' },
  { value: '1.25', label: '125%' },
];

const KEY = 'nianbao.preview.zoom';
/** A sheet is 210 mm wide: in CSS pixels, 96 per inch. */
const SHEET_PX = (210 / 25.4) * 96;
/** Room kept around the sheet when fitting: the desk's padding and a scroll bar. */
const FIT_MARGIN_PX = 40;

function _stored(): Zoom {
  try {
    const v = sessionStorage.getItem(KEY);
    return ZOOMS.some((z) => z.value === v) ? (v as Zoom) : 'fit';
  } catch {
    return 'fit'; // storage refused (private mode, a file:// page in some browsers)
  }
}

/** The zoom chosen, its setter (remembered), and the scale it gives for the desk `desk`. */
export function useZoom(desk: RefObject<HTMLElement | null>): { zoom: Zoom; setZoom: (z: Zoom) => void; scale: number } {
  const [zoom, set] = useState<Zoom>(_stored);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = desk.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [desk]);
  const setZoom = useCallback((z: Zoom) => {
    set(z);
    try {
      sessionStorage.setItem(KEY, z);
    } catch {
      /* not remembered: the choice still holds while the page is open */
    }
  }, []);
  const fit = width > 0 ? Math.min(1, Math.max(0.3, (width - FIT_MARGIN_PX) / SHEET_PX)) : 1;
  return { zoom, setZoom, scale: zoom === 'fit' ? fit : Number(zoom) };
}
