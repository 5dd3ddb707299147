export type Vars = Record<string, string | number>;
export type Catalog = Readonly<Record<string, string>>;

/**
 * Looks `key` up in `catalog` and fills `{name}` placeholders from `vars`.
 * With a numeric `vars.count` of 1, `<key>.one` is used when the catalogue has it
 * (so "1 item" / "2 items" need no code). A missing key shows the key itself,
 * which a reviewer notices, rather than an empty string.
 */
export function translate(catalog: Catalog, key: string, vars?: Vars): string {
  const singular = vars?.count === 1 ? catalog[`${key}.one`] : undefined;
  const template = singular ?? catalog[key];
  if (template === undefined) return key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
