/** `@web/core/registry`: named categories of entries, as Odoo's registry keeps them. */
class Category {
  readonly entries = new Map<string, unknown>();

  add(key: string, value: unknown, options: { force?: boolean } = {}): Category {
    if (this.entries.has(key) && !options.force) {
      throw new Error(`Cannot add key "${key}": it already exists`);
    }
    this.entries.set(key, value);
    return this;
  }

  get(key: string): unknown {
    if (!this.entries.has(key)) throw new Error(`Cannot find key "${key}"`);
    return this.entries.get(key);
  }

  contains(key: string): boolean {
    return this.entries.has(key);
  }
}

const categories = new Map<string, Category>();

export const registry = {
  category(name: string): Category {
    let category = categories.get(name);
    if (category === undefined) {
      category = new Category();
      categories.set(name, category);
    }
    return category;
  },
};
