import { formatLoadError, loadStoryDir } from '../../records/load.js';
import { parseFlags } from '../args.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep validate [--data DIR]';

/** `sitrep validate`: check every story and record file; exit 1 listing each problem. Touches no database. */
export const command: CliCommand = {
  name: 'validate',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { data: { type: 'string' } });
    if (!flags.ok) {
      io.stderr(`sitrep validate: ${flags.error}\nUsage: ${USAGE}\n`);
      return EXIT.usage;
    }
    const dir = flags.value.values.data ?? io.env.SITREP_DATA ?? './briefings';
    const r = loadStoryDir(dir);
    if (r.errors.length > 0) {
      io.stderr(`${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} in ${dir}:\n${r.errors.map((e) => `  ${formatLoadError(e)}`).join('\n')}\n`);
      io.stdout(`${r.stories.length} stories and ${r.records.length} valid records loaded; fix the problems above.\n`);
      return EXIT.failure;
    }
    io.stdout(`OK: ${r.stories.length} ${r.stories.length === 1 ? 'story' : 'stories'}, ${r.records.length} records, no problems.\n`);
    return EXIT.ok;
  },
};
