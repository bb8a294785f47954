import { AppError } from './errors.js';

export const MAX_PUBLIC_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Re-encodes a citizen's photo so that nothing but pixels leaves their phone: EXIF (GPS position, device, time),
 * XMP and ICC metadata are dropped; the orientation is applied to the pixels first so the photo stays upright.
 */
export async function sanitizeImage(file: File): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }> {
  if (file.size > MAX_PUBLIC_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const sharp = (await import('sharp')).default;
  const input = Buffer.from(await file.arrayBuffer());
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw new AppError('UNSUPPORTED_FILE');
  }
  if (format !== 'jpeg' && format !== 'png') throw new AppError('UNSUPPORTED_FILE');
  const pipeline = sharp(input).rotate();
  const bytes = format === 'jpeg' ? await pipeline.jpeg({ quality: 88 }).toBuffer() : await pipeline.png().toBuffer();
  const base = file.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 100) || 'anh';
  return { bytes: new Uint8Array(bytes), mimeType: format === 'jpeg' ? 'image/jpeg' : 'image/png', fileName: `${base}.${format === 'jpeg' ? 'jpg' : 'png'}` };
}
