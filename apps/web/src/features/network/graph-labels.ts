/**
 * Labels for the network drawing that stay inside it and do not overlap (issue 13 §6). Sigma
 * writes every label to the right of its dot, so names near the right edge were cut, and long
 * names of neighbouring dots ran over each other. This drawer puts a label on the left of its dot
 * when the right side has no room, keeps it within the canvas, and leaves out a label that would
 * cover one already written in this frame or another organisation's dot (the selected organisation
 * and its collaborators, whose labels are forced, are always written), and writes on a light halo
 * so that lines behind a name do not cut through it. A left-out name shows when the dot is hovered or chosen,
 * and every organisation is in the list beside and below the drawing.
 */

export interface LabelSettings {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
  labelColor: { color?: string; attribute?: string };
}

export interface LabelData {
  key?: string;
  x: number;
  y: number;
  size: number;
  label: string | null;
  forceLabel?: boolean;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type LabelContext = Pick<CanvasRenderingContext2D, 'fillText' | 'strokeText' | 'measureText' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin' | 'font' | 'canvas'>;

/** A dot as drawn, in the drawing's pixels. */
export interface Dot {
  key: string;
  x: number;
  y: number;
  size: number;
}

const GAP = 3;
const MARGIN = 4;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where a label of this width goes: right of the dot, else left of it, always within [0, width]. */
export function placeLabel(data: Pick<LabelData, 'x' | 'y' | 'size'>, textWidth: number, fontSize: number, width: number, height: number): Box {
  let left = data.x + data.size + GAP;
  if (left + textWidth > width - MARGIN) left = data.x - data.size - GAP - textWidth;
  left = Math.max(MARGIN, Math.min(left, width - MARGIN - textWidth));
  let top = data.y - fontSize * 0.5;
  top = Math.max(MARGIN, Math.min(top, height - MARGIN - fontSize));
  return { left, top, right: left + textWidth, bottom: top + fontSize };
}

export function createLabelDrawer() {
  const written: Box[] = [];
  let frameDots: () => readonly Dot[] = () => [];
  let dots: (Box & { key: string })[] | null = null;
  return {
    /**
     * Call before each frame (sigma's beforeRender), with the frame's dots or a function that gives
     * them: it is called at the first label, once sigma has placed the dots for this frame.
     */
    reset(next: readonly Dot[] | (() => readonly Dot[]) = []) {
      written.length = 0;
      frameDots = typeof next === 'function' ? next : () => next;
      dots = null;
    },
    draw(context: LabelContext, data: LabelData, settings: LabelSettings) {
      if (!data.label) return;
      const fontSize = settings.labelSize;
      context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
      const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
      const width = context.canvas.width / ratio;
      const height = context.canvas.height / ratio;
      const box = placeLabel(data, context.measureText(data.label).width, fontSize, width, height);
      dots ??= frameDots().map((d) => ({ key: d.key, left: d.x - d.size, right: d.x + d.size, top: d.y - d.size, bottom: d.y + d.size }));
      if (!data.forceLabel && (written.some((other) => overlaps(box, other)) || dots.some((dot) => dot.key !== data.key && overlaps(box, dot)))) return;
      written.push(box);
      const baseline = box.top + fontSize * 0.8;
      context.strokeStyle = 'rgba(251, 252, 250, 0.9)';
      context.lineWidth = 3;
      context.lineJoin = 'round';
      context.strokeText(data.label, box.left, baseline);
      context.fillStyle = settings.labelColor.color ?? '#1c2321';
      context.fillText(data.label, box.left, baseline);
    },
  };
}
