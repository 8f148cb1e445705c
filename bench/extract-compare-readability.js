#!/usr/bin/env node
// Side-by-side peer for bench/extract-compare.sh: Mozilla Readability (Firefox Reader View's extractor) on each
// page of a JSON Lines file ({"id", "url", "text": the page's HTML}), one process, one thread, default options.
// Writes {"id", "text"} lines (text = the article's textContent, "" when Readability finds no article).
//
// usage: node extract-compare-readability.js NODE_MODULES_DIR DOM PAGES.jsonl OUT.jsonl [PASSES]
//   NODE_MODULES_DIR holds @mozilla/readability and the DOM package; DOM is linkedom or jsdom.
//   Every pass extracts every page; only the last pass is written.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [modulesDir, dom, pagesPath, outPath, passesArg] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node extract-compare-readability.js NODE_MODULES_DIR linkedom|jsdom PAGES.jsonl OUT.jsonl [PASSES]');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
const { Readability } = req('@mozilla/readability');
let parse;
let release = () => {};
if (dom === 'linkedom') {
  const { DOMParser } = req('linkedom');
  const parser = new DOMParser();
  parse = (html) => parser.parseFromString(html, 'text/html');
} else if (dom === 'jsdom') {
  const { JSDOM, VirtualConsole } = req('jsdom');
  const quiet = new VirtualConsole(); // page CSS/script errors are not the benchmark's business
  parse = (html, url) => {
    const window = new JSDOM(html, { url: /^https?:/.test(url || '') ? url : undefined, virtualConsole: quiet }).window;
    release = () => window.close(); // without it every page's window stays alive and the heap grows to gigabytes
    return window.document;
  };
} else {
  console.error(`unknown DOM ${dom}: linkedom or jsdom`);
  process.exit(2);
}

const pages = fs.readFileSync(pagesPath, 'utf8').split('\n').filter((l) => l.length > 0).map((l, n) => {
  try {
    return JSON.parse(l);
  } catch (e) {
    throw new Error(`${pagesPath}:${n + 1}: not a JSON object: ${e.message}`);
  }
});
const passes = Math.max(1, parseInt(passesArg || '1', 10));
let out = [];
for (let p = 0; p < passes; p++) {
  out = [];
  for (const page of pages) {
    let text = '';
    try {
      const article = new Readability(parse(page.text, page.url)).parse();
      if (article && article.textContent) text = article.textContent;
    } catch (e) {
      text = ''; // a page Readability cannot handle counts as an empty extraction, as trafilatura's None does
    } finally {
      release();
    }
    out.push(JSON.stringify({ id: page.id, text }));
  }
}
const tmp = outPath + '.tmp';
fs.writeFileSync(tmp, out.join('\n') + '\n');
fs.renameSync(tmp, outPath);
console.error(`readability (${dom}): ${pages.length * passes} extractions of ${pages.length} pages`);
