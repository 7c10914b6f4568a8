/**
 * Which issue fields a request asked for, parsed the way Jira reads `fields`:
 * comma-separated or repeated, `*all` / `*navigable` for everything, `-name` to drop a
 * field, and bare `id` meaning "ids only" (the enhanced search's default).
 */
export class FieldSelection {
  private constructor(
    private readonly all: boolean,
    private readonly included: ReadonlySet<string>,
    private readonly excluded: ReadonlySet<string>
  ) {}

  static parse(raw: readonly string[] | undefined, fallback: 'all' | 'id'): FieldSelection {
    const items = (raw ?? [])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
    if (items.length === 0) return new FieldSelection(fallback === 'all', new Set(), new Set());
    let all = false;
    const included = new Set<string>();
    const excluded = new Set<string>();
    for (const item of items) {
      if (item === '*all' || item === '*navigable') all = true;
      else if (item.startsWith('-')) excluded.add(item.slice(1));
      else included.add(item);
    }
    return new FieldSelection(all, included, excluded);
  }

  /** True when nothing beyond the id was requested. */
  get idOnly(): boolean {
    return !this.all && [...this.included].every((name) => name === 'id');
  }

  wants(field: string): boolean {
    if (this.excluded.has(field)) return false;
    return this.all || this.included.has(field);
  }
}
