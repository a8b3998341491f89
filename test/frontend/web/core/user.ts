/** `@web/core/user`: a user whose groups and companies each test sets (`setUser`). */
export interface CompanyInfo {
  readonly id: number;
  readonly name: string;
  readonly currency_id: number;
}

const state = {
  groups: new Set<string>(),
  companies: [{ id: 1, name: "YourCompany", currency_id: 2 }] as CompanyInfo[],
  hasGroupCalls: [] as string[],
};

export const user = {
  userId: 2,
  lang: "en_US",
  context: { lang: "en_US", tz: "UTC" },
  get activeCompanies(): readonly CompanyInfo[] {
    return state.companies;
  },
  get activeCompany(): CompanyInfo {
    const [first] = state.companies;
    if (first === undefined) throw new Error("no active company");
    return first;
  },
  async hasGroup(group: string): Promise<boolean> {
    state.hasGroupCalls.push(group);
    return state.groups.has(group);
  },
};

export function setUser(options: { groups?: readonly string[]; companies?: CompanyInfo[] }): void {
  state.groups = new Set(options.groups ?? []);
  if (options.companies) state.companies = options.companies;
  state.hasGroupCalls = [];
}

export const hasGroupCalls = (): readonly string[] => state.hasGroupCalls;
