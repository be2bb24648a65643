// The EPUB just made is opened before it replaces the old one: a book that
// is not a valid zip, or whose package names a file the zip lacks, would
// leave the reader with nothing, so the build fails the format instead.
import JSZip from 'jszip';

export async function assertEpubOpens(book: Uint8Array): Promise<void> {
  const fail = (why: string): never => {
    throw new Error(`the EPUB made is not a valid book (${why}), so the old dossier.epub was kept; please report this with the articles that caused it.`);
  };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(book);
  } catch (error) {
    return fail(`not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Object.keys(zip.files)[0] !== 'mimetype' || (await zip.file('mimetype')?.async('string')) !== 'application/epub+zip') {
    fail('its first entry is not the mimetype');
  }
  const container = await zip.file('META-INF/container.xml')?.async('string');
  const packagePath = container && /<rootfile\b[^>]*\bfull-path="([^"]+)"/.exec(container)?.[1];
  const packageText = packagePath ? await zip.file(packagePath)?.async('string') : undefined;
  if (!packagePath || packageText === undefined) return fail('it has no package document');
  const base = packagePath.includes('/') ? packagePath.slice(0, packagePath.lastIndexOf('/') + 1) : '';
  for (const match of packageText.matchAll(/<item\b[^>]*\bhref="([^"]+)"/g)) {
    const name = base + decodeURIComponent(match[1]!.replace(/&amp;/g, '&'));
    if (!zip.file(name)) fail(`its package lists ${name.slice(0, 80)}, which the zip does not hold`);
  }
}
