// Templates and stylesheets are plain files in `templates/`. A user's
// `--templates DIR` is searched first, file by file, so copying and editing
// one file is enough to change it. Nunjucks escapes every value unless a
// template marks it `| safe`, which only our own generated HTML is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { projectFile } from '../../project-files.js';

/** The project's `templates/`, found upwards from this module: from src/render, or from the bundle `npm run build` runs. */
function defaultTemplates(): string {
  const page = projectFile(import.meta.url, path.join('templates', 'dossier.njk'));
  if (!page) throw new Error(`dossier's templates/ folder was not found above ${fileURLToPath(import.meta.url)}.`);
  return path.dirname(page);
}

export const DEFAULT_TEMPLATES = defaultTemplates();

export class Templates {
  readonly dirs: string[];
  private readonly env: nunjucks.Environment;

  constructor(userDir?: string) {
    this.dirs = userDir ? [path.resolve(userDir), DEFAULT_TEMPLATES] : [DEFAULT_TEMPLATES];
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader(this.dirs), {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.env.addFilter('number', (value: number) => new Intl.NumberFormat('en-GB').format(value));
  }

  render(name: string, context: object): string {
    try {
      return this.env.render(name, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`template ${name}: ${message.replace(/\s+/g, ' ').trim()}. Check the template, or remove it from --templates to use the default.`);
    }
  }

  /** A plain file (stylesheet, EPUB template) from the first folder that has it. */
  async file(name: string): Promise<string> {
    for (const dir of this.dirs) {
      try {
        return await readFile(path.join(dir, name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new Error(`template ${name} was not found in ${this.dirs.join(' or ')}`);
  }
}
