// Furniture a site prints on every page ("Continue lendo após a publicidade")
// is known by being printed again: a line two of the dossier's saved pages
// share goes from both, whatever the language, while the same line on one
// page alone, and short lines that are sentences, stay.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { Warning } from '../../src/model.js';
import { normaliseArticles } from '../../src/normalise/articles.js';
import { readArticle } from '../../src/read/index.js';
import { tempDir } from '../helpers.js';

function page(headline: string, paragraphs: string[]): string {
  return `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><title>${headline}</title>
<meta property="og:site_name" content="Jornal do Vale"></head><body><article><h1>${headline}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</article></body></html>`;
}

const FIRST = page('Prefeitura amplia horário dos postos de saúde', [
  'A prefeitura anunciou nesta segunda-feira que os postos de saúde da zona norte passarão a funcionar até as 22 horas a partir do mês que vem, atendendo a um pedido antigo dos moradores.',
  'Continue lendo após a publicidade',
  'Segundo a secretária de Saúde, a medida custará cerca de dois milhões de reais por ano e exigirá a contratação de quarenta profissionais, entre médicos e enfermeiros.',
  'A resposta dos moradores',
  'Associações de bairro elogiaram a decisão, mas cobram mais médicos nos fins de semana, quando as filas costumam ser maiores.',
]);
const SECOND = page('Chuva forte alaga ruas do centro da cidade', [
  'Uma chuva forte que caiu na tarde desta terça-feira alagou ao menos doze ruas do centro e deixou o trânsito parado por mais de duas horas, segundo a companhia de trânsito.',
  'Continue lendo após a publicidade',
  'A Defesa Civil informou que não houve feridos e que equipes trabalham na limpeza dos bueiros, entupidos por lixo em vários pontos da região central.',
  'Fim.',
]);

async function bodies(pages: Record<string, string>): Promise<Map<string, string[]>> {
  const dir = await tempDir();
  for (const [name, html] of Object.entries(pages)) await writeFile(path.join(dir, name), html);
  const warningsOf = new Map<string, Warning[]>(Object.keys(pages).map((name) => [name, []]));
  const reads = [];
  for (const name of Object.keys(pages)) for (const article of (await readArticle(dir, name, warningsOf.get(name)!))!.articles) reads.push({ article });
  const { config } = parseConfig('', 'dossier.yaml');
  const articles = normaliseArticles(reads, config, warningsOf);
  return new Map(articles.map((article) => [article.file, article.body.children.map((node) => toString(node))]));
}

describe('furniture repeated across saved pages', () => {
  it('goes from every page that prints it; real short lines stay', async () => {
    const result = await bodies({ 'a.html': FIRST, 'b.html': SECOND });
    expect(result.get('a.html')).not.toContain('Continue lendo após a publicidade');
    expect(result.get('b.html')).not.toContain('Continue lendo após a publicidade');
    expect(result.get('a.html')).toContain('A resposta dos moradores');
    expect(result.get('b.html')).toContain('Fim.');
  });

  it('stays on a page that prints it once, with no other page to show it is furniture', async () => {
    const result = await bodies({ 'a.html': FIRST });
    expect(result.get('a.html')).toContain('Continue lendo após a publicidade');
  });
});
