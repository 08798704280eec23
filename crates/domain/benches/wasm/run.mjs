// node run.mjs [profile]: loads the wasm bench and prints median and p99 in milliseconds.
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
const profile = process.argv[2] ?? "release";
const dir = process.env.CARGO_TARGET_DIR ?? new URL("./target", import.meta.url).pathname;
const bytes = await readFile(`${dir}/wasm32-unknown-unknown/${profile}/domain_wasm_bench.wasm`);
const { instance } = await WebAssembly.instantiate(bytes, { env: { now: () => performance.now() } });
const status = instance.exports.run(2000);
if (status !== 0) throw new Error(`bench failed: ${status}`);
const r = [0, 1, 2, 3, 4, 5].map((i) => instance.exports.result(i));
console.log(`wasm (${profile}, node ${process.version}), ${bytes.length} bytes`);
console.log(`evaluate 500 fields, 3 repeat groups x 20: median ${r[0].toFixed(3)} ms, p99 ${r[1].toFixed(3)} ms, max ${r[2].toFixed(3)} ms`);
console.log(`parse + compile Bauantrag: median ${r[3].toFixed(3)} ms, p99 ${r[4].toFixed(3)} ms, max ${r[5].toFixed(3)} ms`);
