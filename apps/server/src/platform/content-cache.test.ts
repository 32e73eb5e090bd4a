import { describe, expect, it } from 'vitest';
import { ContentCache } from './content-cache.ts';

describe('ContentCache', () => {
  it('computes once per content and again when the content changes', () => {
    const cache = new ContentCache<string>(4);
    let computed = 0;
    const render = (text: string) => cache.get(text, () => `${text} #${++computed}`);
    expect(render('avtal v1')).toBe('avtal v1 #1');
    expect(render('avtal v1')).toBe('avtal v1 #1');
    expect(render('avtal v2')).toBe('avtal v2 #2');
    expect(computed).toBe(2);
  });

  it('drops the least recently used entry when full', () => {
    const cache = new ContentCache<number>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, () => ++computed);
    get('a');
    get('b');
    get('a'); // a is now the most recently used
    get('c'); // drops b
    expect(cache.size).toBe(2);
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
  });

  it('does not keep a promise that fails, so the next call tries again', async () => {
    const cache = new ContentCache<Promise<string>>(4);
    await expect(cache.get('plan', () => Promise.reject(new Error('font missing')))).rejects.toThrow('font missing');
    await Promise.resolve();
    expect(await cache.get('plan', () => Promise.resolve('pdf'))).toBe('pdf');
  });
});
