// The EPUB 3: one chapter per article, a title page, the contents (the nav
// document) and an "about" chapter, made by epub-gen-memory with our own
// package, nav and NCX templates (its defaults lack landmarks, accessibility
// metadata and a stable identifier).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EPub, type Chapter } from 'epub-gen-memory';
import type { Dossier } from '../../model.js';
import { epubChapterFileName } from '../../ids.js';
import { hasPicture } from '../../read/pictures.js';
import { assertEpubOpens } from './check.js';
import { renderJson } from '../json/record.js';
import { buildTimestamp } from '../view/timestamp.js';
import type { Templates } from '../view/templates.js';
import { dossierView, type DossierView } from '../view/dossier-view.js';

interface EpubChapter extends Chapter {
  filename: string;
  title: string;
  bodyType: 'cover' | 'frontmatter' | 'bodymatter' | 'backmatter';
  landmark?: string;
  landmarkLabel?: string;
  /** Headings inside the chapter, nested under it in the contents. */
  sections?: { id: string; title: string }[];
}

/** `cover` may still be being drawn: the chapters are written meanwhile. */
export async function renderEpub(dossier: Dossier, templates: Templates, cover?: Uint8Array | Promise<Uint8Array | undefined>): Promise<Uint8Array> {
  const view = dossierView(dossier, { headlineLevel: 1, format: 'epub' });
  const made = buildTimestamp(dossier);
  let coverFile: string | undefined;
  try {
    const chapters: EpubChapter[] = [
      {
        filename: 'title.xhtml',
        title: 'Title page',
        content: templates.render('title-block.njk', view),
        beforeToc: true,
        bodyType: 'frontmatter',
        landmark: 'titlepage',
        landmarkLabel: 'Title page',
      },
      {
        filename: 'briefing.xhtml',
        title: 'Briefing',
        content: templates.render('briefing.njk', view),
        beforeToc: true,
        bodyType: 'frontmatter',
        // The structure vocabulary's nearest term for a brief before the articles.
        landmark: 'preface',
        landmarkLabel: 'Briefing',
      },
      ...view.articles.map(
        (article, index): EpubChapter => ({
          filename: epubChapterFileName(article),
          title: article.title,
          content: templates.render('article.njk', { ...view, article }),
          bodyType: 'bodymatter',
          sections: article.sections,
          ...(index === 0 ? { landmark: 'bodymatter', landmarkLabel: 'Articles' } : {}),
        }),
      ),
    ...(
      [
        ['people', 'People involved', view.people.length],
        ['organisations', 'Organisations', view.organisations.length],
        ['chronology', 'Chronology', view.chronology.length],
      ] as const
    )
      .filter(([, , count]) => count > 0)
      .map(
        ([name, title]): EpubChapter => ({
          filename: `${name}.xhtml`,
          title,
          content: templates.render(`${name}.njk`, view),
          bodyType: 'backmatter',
        }),
      ),
      {
        filename: 'about.xhtml',
        title: 'About this dossier',
        content: templates.render('about.njk', view),
        bodyType: 'backmatter',
      },
    ];
    // epub-gen-memory embeds pictures it can read from file: URLs; the cover is one.
    const picture = await cover;
    coverFile = picture ? await writeCoverFile(picture) : undefined;
    if (coverFile) {
      chapters.unshift({
        filename: 'cover.xhtml',
        title: 'Cover',
        content: `<section class="cover-page" epub:type="cover"><img src="${pathToFileURL(coverFile).href}" alt="Cover: ${escapeAttribute(view.title)}" /></section>`,
        beforeToc: true,
        bodyType: 'cover',
        landmark: 'cover',
        landmarkLabel: 'Cover',
      });
    }
    linkAcrossChapters(chapters);
    const book = await buildBook(dossier, view, templates, chapters, made, coverFile);
    await assertEpubOpens(book);
    return book;
  } finally {
    if (coverFile) await rm(path.dirname(coverFile), { recursive: true, force: true });
  }
}

async function writeCoverFile(cover: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-cover-'));
  const file = path.join(dir, 'cover.png');
  await writeFile(file, cover);
  return file;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function buildBook(
  dossier: Dossier,
  view: DossierView,
  templates: Templates,
  chapters: EpubChapter[],
  made: Date,
  coverFile: string | undefined,
): Promise<Uint8Array> {

  const [css, chapterXHTML, contentOPF, tocNCX, tocXHTML] = await Promise.all(
    ['epub.css', 'epub/chapter.xhtml.ejs', 'epub/content.opf.ejs', 'epub/toc.ncx.ejs', 'epub/toc.xhtml.ejs'].map((name) =>
      templates.file(name),
    ),
  );
  const options = {
    title: view.title,
    ...(view.subtitle ? { subtitle: view.subtitle } : {}),
    description: dossier.description,
    lang: dossier.language,
    creator: dossier.compiledBy ?? 'dossier',
    publisher: dossier.compiledBy ?? 'dossier',
    tocTitle: 'Contents',
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    css: css!,
    chapterXHTML: chapterXHTML!,
    contentOPF: contentOPF!,
    tocNCX: tocNCX!,
    tocXHTML: tocXHTML!,
    // Our templates' own fields (the library passes unknown options through to them).
    bookId: bookIdentifier(dossier),
    ...(coverFile ? { coverUrl: pathToFileURL(coverFile).href } : {}),
    hasPictures: dossier.articles.some((article) => hasPicture(article.body)),
    modified: `${made.toISOString().slice(0, 19)}Z`,
    ...(dossier.date ? { publicationDate: dossier.date } : {}),
    ignoreFailedDownloads: false,
    verbose: false,
  };
  return new ReproducibleEPub(options, chapters).generate(made);
}

/**
 * epub-gen-memory names pictures with random ids and stamps every file in the
 * zip with the time of writing; this names them by order and stamps them with
 * the build's time, so the same dossier gives the same book.
 */
const COMPRESSED_PICTURE = /\.(png|jpe?g|gif|webp)$/i;

class ReproducibleEPub extends EPub {
  async generate(date: Date): Promise<Uint8Array> {
    this.images.forEach((image, index) => {
      const id = `picture-${index + 1}`;
      for (const chapter of this.content) chapter.content = chapter.content.split(`images/${image.id}.`).join(`images/${id}.`);
      image.id = id;
    });
    await this.render();
    for (const file of Object.values(this.zip.files)) {
      file.date = date;
      // Pictures are compressed already: deflating them again takes a cold build longer than drawing the cover's text and gains little.
      if (COMPRESSED_PICTURE.test(file.name)) file.options.compression = 'STORE';
    }
    return this.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }
}

/**
 * A content-derived identifier (a name-based UUID over the dossier's text):
 * the same articles give the same book, so e-readers replace rather than
 * duplicate it when a rebuilt dossier is loaded.
 */
export function bookIdentifier(dossier: Dossier): string {
  const hash = createHash('sha256').update(renderJson({ ...dossier, warnings: [] }));
  for (const article of dossier.articles) hash.update(JSON.stringify(article.body));
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5 layout: name-based
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** In one HTML page every anchor is `#id`; in an EPUB the target may sit in another chapter file. */
function linkAcrossChapters(chapters: EpubChapter[]): void {
  const home = new Map<string, string>();
  // Only inside tags: text that spells out markup is escaped (`&#x3C;a href=…`) and never matches.
  for (const chapter of chapters) {
    for (const match of chapter.content.matchAll(/<[a-z][^<>]*\sid="([^"]+)"/g)) home.set(match[1]!, chapter.filename);
  }
  for (const chapter of chapters) {
    chapter.content = chapter.content.replace(/(<a\s[^<>]*?href=")#([^"]+)"/g, (whole, start: string, id: string) => {
      const file = home.get(id);
      if (!file || file === chapter.filename) return whole;
      return `${start}${file}#${id}"`;
    });
  }
}
