import { describe, expect, it } from 'vitest';
import { createLabelDrawer, placeLabel } from './graph-labels.ts';

const settings = { labelSize: 14, labelFont: 'sans-serif', labelWeight: 'normal', labelColor: { color: '#000' } };

/** A canvas context that measures 7 px per character and records what is written where. */
function fakeContext(width: number, height: number) {
  const written: { text: string; x: number; y: number }[] = [];
  return {
    written,
    canvas: { width, height } as HTMLCanvasElement,
    font: '',
    fillStyle: '' as string | CanvasGradient | CanvasPattern,
    strokeStyle: '' as string | CanvasGradient | CanvasPattern,
    lineWidth: 1,
    lineJoin: 'miter' as CanvasLineJoin,
    strokeText: () => undefined,
    measureText: (text: string) => ({ width: text.length * 7 }) as TextMetrics,
    fillText: (text: string, x: number, y: number) => void written.push({ text, x, y }),
  };
}

describe('network drawing labels (issue 13 §6)', () => {
  it('writes a label right of its dot when there is room, and left of it near the right edge', () => {
    expect(placeLabel({ x: 100, y: 100, size: 5 }, 70, 14, 400, 300).left).toBe(108);
    const nearEdge = placeLabel({ x: 380, y: 100, size: 5 }, 70, 14, 400, 300);
    expect(nearEdge.right).toBeLessThanOrEqual(400 - 4);
    expect(nearEdge.right).toBeLessThanOrEqual(380 - 5);
  });

  it('keeps a long label inside the drawing on a narrow screen and near the top and bottom', () => {
    const box = placeLabel({ x: 150, y: 2, size: 8 }, 250, 14, 296, 384);
    expect(box.left).toBeGreaterThanOrEqual(4);
    expect(box.right).toBeLessThanOrEqual(292);
    expect(box.top).toBeGreaterThanOrEqual(4);
    expect(placeLabel({ x: 150, y: 383, size: 8 }, 50, 14, 296, 384).bottom).toBeLessThanOrEqual(380);
  });

  it('leaves out a label that would cover one already written, writes forced ones, and starts afresh each frame', () => {
    const drawer = createLabelDrawer();
    const context = fakeContext(600, 400);
    drawer.draw(context, { x: 100, y: 100, size: 5, label: 'Studieförbundet Vuxenskolan' }, settings);
    drawer.draw(context, { x: 110, y: 104, size: 5, label: 'Bygdegårdarnas Riksförbund' }, settings);
    drawer.draw(context, { x: 100, y: 200, size: 5, label: 'Sorsele kommun' }, settings);
    expect(context.written.map((w) => w.text)).toEqual(['Studieförbundet Vuxenskolan', 'Sorsele kommun']);
    drawer.draw(context, { x: 110, y: 104, size: 5, label: 'Coompanion', forceLabel: true }, settings);
    expect(context.written.at(-1)!.text).toBe('Coompanion');
    drawer.reset();
    drawer.draw(context, { x: 110, y: 104, size: 5, label: 'Bygdegårdarnas Riksförbund' }, settings);
    expect(context.written.at(-1)!.text).toBe('Bygdegårdarnas Riksförbund');
  });

  it('leaves out a label that would lie on another organisation’s dot, but not on its own', () => {
    const drawer = createLabelDrawer();
    const context = fakeContext(600, 400);
    drawer.reset([
      { key: 'a', x: 100, y: 100, size: 8 },
      { key: 'b', x: 150, y: 102, size: 8 },
    ]);
    drawer.draw(context, { key: 'a', x: 100, y: 100, size: 8, label: 'Sorsele kommun' }, settings);
    expect(context.written).toEqual([]);
    drawer.draw(context, { key: 'b', x: 150, y: 102, size: 8, label: 'Coompanion' }, settings);
    expect(context.written.map((w) => w.text)).toEqual(['Coompanion']);
  });
});
