// Token counts from Hugging Face's own `tokenizers` library (npm `tokenizers`, the Rust implementation's Node
// binding), for Winnow's tests to compare its counts against: one line per source,
//   source <TAB> each text's UTF-16 length, comma-separated <TAB> each text's count, one column per tokenizer
// No special tokens are added (a document's count, as `run.tokenizer` counts it).
//
// usage: node reference-counts.mjs ROOT OUT.tsv TOKENIZER.json... -- SOURCE...
//   SOURCE is  path#field        a JSONL file (.gz allowed), that string field of each record
//          or  path@key,key      a JSON object holding lists of strings under those keys (Fast-DetectGPT)
//          or  path$samples      a slop-score results file: {model: {samples: [{output}]}}, at most 30 per file
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import tok from 'tokenizers';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const [root, out, ...tokenizerFiles] = args.slice(0, sep);
const sources = args.slice(sep + 1);
const tokenizers = tokenizerFiles.map((f) => tok.Tokenizer.fromFile(f));

function read(file) {
  const bytes = fs.readFileSync(path.join(root, file));
  return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
}

function texts(source) {
  let m;
  if ((m = source.match(/^(.*)#(.*)$/))) {
    return read(m[1]).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)[m[2]]);
  }
  if ((m = source.match(/^(.*)@(.*)$/))) {
    const json = JSON.parse(read(m[1]));
    return m[2].split(',').flatMap((k) => json[k]);
  }
  if ((m = source.match(/^(.*)\$samples$/))) {
    const json = JSON.parse(read(m[1]));
    return Object.values(json).flatMap((v) => v.samples.map((s) => s.output)).slice(0, 30);
  }
  throw new Error('unknown source ' + source);
}

const lines = [];
let total = 0;
for (const source of sources) {
  const list = texts(source).filter((t) => typeof t === 'string');
  const columns = [list.map((t) => t.length)];
  for (const t of tokenizers) {
    const counts = [];
    for (const text of list) counts.push((await t.encode(text, null, { addSpecialTokens: false })).getIds().length);
    columns.push(counts);
  }
  lines.push([source, ...columns.map((c) => c.join(','))].join('\t'));
  total += list.length;
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(out + ': ' + total + ' texts from ' + lines.length + ' sources');
