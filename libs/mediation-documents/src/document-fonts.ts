import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Noto Serif SC (SIL Open Font License 1.1, which allows embedding), as static TrueType files from
 * the `@expo-google-fonts/noto-serif-sc` package. TrueType outlines subset cleanly in PDFKit, and the
 * subset carries a ToUnicode map, so the text of the PDF can be searched and copied.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;
export type DocumentFonts = Readonly<Record<FontWeight, Buffer>>;

let loading: Promise<DocumentFonts> | undefined;

/** The two faces, read once per process (about 15 MB each; only the glyphs used are embedded). */
export function documentFonts(): Promise<DocumentFonts> {
  loading ??= readFonts().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readFonts(): Promise<DocumentFonts> {
  const require = createRequire(import.meta.url);
  const [regular, bold] = await Promise.all([readFile(require.resolve(FONT_FILES.regular)), readFile(require.resolve(FONT_FILES.bold))]);
  return { regular, bold };
}
