/** The picker's list: favourites pinned, then recently used, then everything else, narrowed by a search. */

export type SectionName = 'Favourites' | 'Recently used' | 'All models';

export interface PickerSection {
  name: SectionName;
  models: string[];
}

/** "acme" of "acme/Model-1"; empty for ids without a provider. */
export function providerOf(model: string): string {
  const slash = model.indexOf('/');
  return slash > 0 ? model.slice(0, slash) : '';
}

/**
 * Every word of the query must appear in the id (any case), so "qwen/", "meta" or "qwen coder"
 * all narrow the list; ids that start with the query (a provider prefix) come first.
 */
export function searchModels(models: readonly string[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...models];
  const needle = query.trim().toLowerCase();
  const found = models.filter((model) => words.every((word) => model.toLowerCase().includes(word)));
  const leading = found.filter((model) => model.toLowerCase().startsWith(needle) || providerOf(model).toLowerCase().startsWith(needle));
  return [...leading, ...found.filter((model) => !leading.includes(model))];
}

/**
 * Each model once, in the first section it belongs to. Favourites and recents the server no
 * longer lists are left out (they would answer 404), unless there is no list at all to check.
 */
export function pickerSections(models: readonly string[], favourites: readonly string[], recents: readonly string[], query: string): PickerSection[] {
  const listed = new Set(models);
  const available = (ids: readonly string[]) => (models.length === 0 ? [...ids] : ids.filter((id) => listed.has(id)));
  const favourite = available(favourites);
  const recent = available(recents).filter((id) => !favourite.includes(id));
  const shown = new Set([...favourite, ...recent]);
  const rest = models.filter((id) => !shown.has(id));
  const narrowed = (ids: string[]) => (query.trim() ? searchModels(ids, query) : ids);
  const sections: PickerSection[] = [
    { name: 'Favourites', models: narrowed(favourite) },
    { name: 'Recently used', models: narrowed(recent) },
    { name: 'All models', models: narrowed(rest) },
  ];
  return sections.filter((section) => section.models.length > 0);
}

/** `model` first, then the rest of `list` without it, at most `max` long: a most-recent-first list. */
export function withMostRecent(list: readonly string[], model: string, max: number): string[] {
  return [model, ...list.filter((id) => id !== model)].slice(0, max);
}

/** `list` with `model` added at the end, or removed when it is there. */
export function toggledIn(list: readonly string[], model: string): string[] {
  return list.includes(model) ? list.filter((id) => id !== model) : [...list, model];
}

export interface SectionLayout {
  name: SectionName;
  /** The grid row of the section's heading (1-based). */
  heading: number;
  /** Each option's grid row and its place in the flat list of options. */
  items: { model: string; row: number; index: number }[];
}

/** Grid rows for the popup: each section's heading, then its options; `index` counts options across sections. */
export function gridLayout(sections: readonly PickerSection[]): SectionLayout[] {
  let line = 1;
  let index = 0;
  return sections.map((section) => {
    const heading = line;
    const items = section.models.map((model, offset) => ({ model, row: heading + 1 + offset, index: index + offset }));
    line += section.models.length + 1;
    index += section.models.length;
    return { name: section.name, heading, items };
  });
}
