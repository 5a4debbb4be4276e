import { syntheticHar } from './bench/support/synthetic-har.mjs';
import { analyseRecording } from '@/lib/har';
const { text } = syntheticHar(50 * 1024 * 1024);
const t = performance.now();
const { analysis } = analyseRecording(text);
console.log(performance.now() - t, analysis.kind === 'analysed' && [analysis.conversations.length, analysis.conversations.map((c) => c.hops.length).join(','), JSON.stringify({c: analysis.conversations, d: analysis.diagnoses}).length, JSON.stringify(analysis.exchanges).length]);
