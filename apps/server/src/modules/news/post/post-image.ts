
/** The longest side an image keeps; larger ones are scaled down (never up). */
export const MAX_IMAGE_SIDE = 1600;

export interface ProcessedImage {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  ext: 'jpg' | 'png';
  width: number;
  height: number;
}

/**
 * Checks the upload is a PNG or JPEG by its content, scales it to fit MAX_IMAGE_SIDE and encodes
 * it anew. Re-encoding writes only pixels, so EXIF (camera, time, GPS position) and any other
 * metadata in the original are gone. Answers undefined for anything that is not such an image.
 * (jimp: pure JavaScript, no native build or download at install; see ADR 19. Loaded on first use:
 * it takes a third of a second to load, which every start of the server would pay.)
 */
export async function processImage(content: Buffer): Promise<ProcessedImage | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(content);
  if (type?.mime !== 'image/jpeg' && type?.mime !== 'image/png') return undefined;
  const { Jimp } = await import('jimp');
  let image;
  try {
    image = await Jimp.fromBuffer(content);
  } catch {
    return undefined;
  }
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE) image.scaleToFit({ w: MAX_IMAGE_SIDE, h: MAX_IMAGE_SIDE });
  if (type.mime === 'image/png') {
    const bytes = await image.getBuffer('image/png');
    return { bytes, contentType: 'image/png', ext: 'png', width: image.width, height: image.height };
  }
  const bytes = await image.getBuffer('image/jpeg', { quality: 82 });
  return { bytes, contentType: 'image/jpeg', ext: 'jpg', width: image.width, height: image.height };
}
