import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser } from './src/render/browser.js';
const [input, output] = process.argv.slice(2) as [string, string];
let html = readFileSync(input, 'utf8').replace(/(id="|href="#)(\d)/g, '$1a$2');
const css = `
@page { size: A4; margin: 22mm 18mm 24mm;
  @top-left { content: string(section); font: 8pt sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; }
}
@page :first { @top-left { content: none; } }
.article { break-before: page; }
.headline { string-set: section content(text); }
.contents a::after { content: leader('.') target-counter(attr(href url), page); }
`;
const polyfill = readFileSync('node_modules/pagedjs/dist/paged.polyfill.js', 'utf8');
html = html
  .replace('</style>', css + '</style>')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace('</head>', () => `<script>window.PagedConfig = { auto: true, after: function () { window.__done = true; } };</script><script>${polyfill.replace(/<\/script/gi, '<\\/script')}</script></head>`);
writeFileSync('/tmp/paged/print.html', html);
const browser = await launchBrowser(20 * 60 * 1000);
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 200))); page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 300)));
const t = performance.now();
await page.goto('file:///tmp/paged/print.html', { waitUntil: 'load', timeout: 0 });
await page.waitForFunction('window.__done === true', { timeout: 0, polling: 500 }).catch(async (e) => { console.log('wait failed', String(e).slice(0,100), await page.evaluate('document.querySelectorAll(".pagedjs_page").length')); });
console.log('paged', (performance.now() - t).toFixed(0), 'ms', await page.evaluate('document.querySelectorAll(".pagedjs_page").length'), 'pages');
const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
writeFileSync(output, pdf);
console.log('total', (performance.now() - t).toFixed(0));
await browser.close();
