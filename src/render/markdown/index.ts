// The markdown writer: markdown/, one normalised file per article.
import { markdownFileName } from '../../ids.js';
import type { Writer } from '../writer.js';
import { articleMarkdown } from './article-file.js';

export const markdownWriter: Writer = {
  format: 'md',
  async write(dossier) {
    const files = new Map(dossier.articles.map((article) => [markdownFileName(article), articleMarkdown(article)]));
    return { outputs: [{ folder: 'markdown', files }], warnings: [], summary: `${files.size} files` };
  },
};
