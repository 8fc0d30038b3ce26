// Prints how well the importer reads the transcribed real reports (test/fixtures/corpus-expected):
// per form and per report, cells imported equal / flagged / missing / wrong, and whether the
// year, organ, template and dates came out right. Run: npx tsx scripts/corpus-accuracy.ts [--detail]
// (--detail also lists the cells not read as certain, report by report).
import { accuracyTable, scoreCorpus } from '../test/import/corpus-expected';

const scores = await scoreCorpus();
process.stdout.write(`${accuracyTable(scores, process.argv.includes('--detail'))}\n`);
