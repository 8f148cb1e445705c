// Builds the two small tokenizer.json files Winnow's tests ship, with Hugging Face's own `tokenizers`
// library (npm package `tokenizers`, the Rust implementation's Node binding):
//   byte-level-bpe.json  GPT-2 / Llama-3 / Qwen style: byte-level pre-tokenizer, BPE, 256-byte alphabet
//   metaspace-bpe.json   Llama-2 / Mistral style: NFKC + metaspace ("▁"), BPE with byte fallback (<0xNN>)
// Each is trained on a text file, then cut to its first MERGES merges so the file stays small; the vocabulary
// is rebuilt from the alphabet and the kept merges, so the cut tokenizer is a complete, valid BPE model.
//
// usage: node make-test-tokenizers.mjs TRAIN.txt OUT_DIR [MERGES]
import fs from 'node:fs';
import path from 'node:path';
import tok from 'tokenizers';

const [train, outDir, mergesArg] = process.argv.slice(2);
const MERGES = Number(mergesArg ?? 3000);
fs.mkdirSync(outDir, { recursive: true });

function trainWith(setup) {
  const t = new tok.Tokenizer(tok.BPE.empty());
  setup(t);
  t.train([train]);
  const file = path.join(outDir, '.trained.json');
  t.save(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  return json;
}

function pairOf(m) {
  return Array.isArray(m) ? m : m.split(' ');
}

/** Rebuilds the vocabulary: first the given base tokens, then each kept merge's result, ids in that order. */
function cut(json, baseTokens, added) {
  const merges = json.model.merges.slice(0, MERGES);
  const vocab = {};
  let next = 0;
  const add = (t) => { if (!(t in vocab)) vocab[t] = next++; };
  baseTokens.forEach(add);
  for (const m of merges) {
    const [a, b] = pairOf(m);
    add(a); add(b); add(a + b);
  }
  json.model.vocab = vocab;
  json.model.merges = merges;
  json.added_tokens = added.map((content) => {
    vocab[content] = next;
    return { id: next++, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
  });
  for (const a of added) delete vocab[a];
  return json;
}

// GPT-2's byte-to-unicode alphabet: every byte has a token, so nothing is ever unknown.
const byteLevel = trainWith((t) => {
  t.setPreTokenizer(tok.byteLevelPreTokenizer(false, true));
});
byteLevel.decoder = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
cut(byteLevel, tok.byteLevelAlphabet().sort(), ['<|endoftext|>']);
fs.writeFileSync(path.join(outDir, 'byte-level-bpe.json'), JSON.stringify(byteLevel));

const metaspace = trainWith((t) => {
  t.setNormalizer(tok.nfkcNormalizer());
  t.setPreTokenizer(tok.metaspacePreTokenizer('▁', 'always', true));
});
metaspace.decoder = { type: 'Sequence', decoders: [
  { type: 'ByteFallback' }, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true }] };
const bytes = Array.from({ length: 256 }, (_, i) => '<0x' + i.toString(16).toUpperCase().padStart(2, '0') + '>');
const chars = Object.keys(metaspace.model.vocab).filter((t) => [...t].length === 1).sort();
metaspace.model.byte_fallback = true;
cut(metaspace, ['<unk>', ...bytes, ...chars], ['<s>', '</s>']);
metaspace.model.unk_token = '<unk>';
fs.writeFileSync(path.join(outDir, 'metaspace-bpe.json'), JSON.stringify(metaspace));

// Both must load and round-trip in the reference library itself.
for (const name of ['byte-level-bpe.json', 'metaspace-bpe.json']) {
  const t = tok.Tokenizer.fromFile(path.join(outDir, name));
  const text = 'Winnow keeps what is good — naïve café, 東京, emoji 🙂.';
  const e = await t.encode(text, null, { addSpecialTokens: false });
  const back = await t.decode(e.getIds(), false);
  console.log(name, t.getVocabSize(), 'tokens:', e.getIds().length, 'round trip:', back === text || back.trim() === text);
}
