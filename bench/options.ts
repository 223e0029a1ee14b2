/** `npm run bench -- --quick`: smaller sizes, for a run in a minute or two while iterating. */
export const QUICK = process.argv.includes('--quick');
