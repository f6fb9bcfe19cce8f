/**
 * Every problem the API can report, defined once: a stable code, and what it says in English and
 * in Chinese with its parameters in braces. The server sends the code and the parameters
 * (`extensions.problem` and `extensions.params` of a GraphQL error; `code` and `params` of a
 * suggestion's problem) with the English text as the message; the explorer says it in the reader's
 * language from the same table. Dependency-free: imported by the server and the web app.
 */

export type ProblemParams = Record<string, string | number>;

/** Replaces each `{name}` of a template by its value. */
export function fill(template: string, values: ProblemParams): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export const PROBLEMS = {
  // Arguments of the API.
  INT_OUT_OF_RANGE: {
    en: "`{argument}` must be a whole number from {min} to {max}; got {got}.",
    zh: "`{argument}` 须为 {min} 到 {max} 之间的整数；收到的是 {got}。",
  },
  ID_EMPTY: { en: '`{argument}` must not be empty; pass an entity id such as "huawei".', zh: "`{argument}` 不能为空；请传入实体标识，例如 “huawei”。" },
  ID_TOO_LONG: { en: "`{argument}` is {length} characters long; ids have at most {max}.", zh: "`{argument}` 长 {length} 个字符；标识最多 {max} 个字符。" },
  LIST_EMPTY: {
    en: "`{argument}` is an empty list, which would match nothing; omit it to match all.",
    zh: "`{argument}` 是空列表，什么也匹配不到；不填即匹配全部。",
  },
  COUNTRY_INVALID: {
    en: "`{argument}`: {value} is not an ISO 3166-1 alpha-2 code such as {example}.",
    zh: "`{argument}`：{value} 不是 ISO 3166-1 两位国家代码（例如 CN、US）。",
  },
  CURSOR_INVALID: {
    en: "`after` is not a cursor from this list; pass the `pageInfo.endCursor` of the previous page.",
    zh: "`after` 不是这个列表的游标；请传入上一页的 `pageInfo.endCursor`。",
  },
  DATE_INVALID: {
    en: "{value} is not a date; use a year (2019), a month (2019-05) or a day (2019-05-16).",
    zh: "{value} 不是日期；请写年份（2019）、月份（2019-05）或具体日期（2019-05-16）。",
  },
  DATE_NOT_STRING: { en: 'A Date is written as a string, e.g. "2019-05-16".', zh: "日期须写成字符串，例如 “2019-05-16”。" },
  COMPARE_COUNT: { en: "`ids` must name 2 to 4 different entities; got {count}.", zh: "`ids` 须列出 2 到 4 个不同的实体；收到 {count} 个。" },
  ENTITY_NOT_FOUND: { en: "No entity has the id {ids}; find ids with `search`.", zh: "没有标识为 {ids} 的实体；可用搜索查找标识。" },
  SEARCH_EMPTY: {
    en: '`query` is empty; type at least one letter or digit, e.g. "Ascend" or "华为".',
    zh: "搜索词为空；请至少输入一个字母、数字或汉字，例如 “昇腾” 或 “Ascend”。",
  },
  SEARCH_TOO_LONG: { en: "`query` is {length} characters long; search for at most {max}.", zh: "搜索词长 {length} 个字符；最多 {max} 个字符。" },
  TEXT_TOO_LONG: { en: "`{argument}` is {length} characters long; at most {max}.", zh: "`{argument}` 长 {length} 个字符；最多 {max} 个字符。" },
  SOURCES_TOO_MANY: {
    en: "`sources` lists more than {max} sources; cite the few that state the relation.",
    zh: "`sources` 列出的来源超过 {max} 个；请只引用明确陈述该关系的几个来源。",
  },
  PATH_SAME_ENDS: {
    en: "`from` and `to` are the same entity; a path joins two different entities.",
    zh: "起点和终点是同一个实体；路径连接的是两个不同的实体。",
  },
  POLICY_TYPE_UNKNOWN: {
    en: "`policyTypes`: {value} is not a policy type; use one of {allowed}.",
    zh: "`policyTypes`：{value} 不是政策类型；请使用以下之一：{allowed}。",
  },
  NOT_A_POLICY: {
    en: '`{argument}`: {value} is not a policy; pass the id of a rule, e.g. "oct-2022-export-controls".',
    zh: "`{argument}`：{value} 不是政策；请传入一项规则的标识，例如 “oct-2022-export-controls”。",
  },
  POLICIES_TOO_MANY: {
    en: "`alongside` lists {count} rules; apply at most {max} together.",
    zh: "`alongside` 列出了 {count} 项规则；一次最多同时施加 {max} 项。",
  },
  NOT_IN_ANALYSIS: {
    en: '`{type}.relations` is not available inside a dependency analysis; ask `entity(id: "{id}")` or `neighborhood` for it.',
    zh: '依赖分析中不提供 `{type}.relations`；请改用 `entity(id: "{id}")` 或 `neighborhood` 查询。',
  },
  // Limits and load.
  REQUEST_TOO_BIG: {
    en: "This request could return about {objects} objects over all its fields; the most one request may return is {max}. Send fewer fields or aliases at once, or lower `first`/`limit`.",
    zh: "这个请求的所有字段合计可能返回约 {objects} 个对象；一个请求最多返回 {max} 个。请一次少发一些字段或别名，或调低 `first`/`limit`。",
  },
  SELECTION_TOO_BIG: {
    en: "This selection could return about {objects} objects under `{field}`; the most one field may return is {max}. Lower `first`/`limit` or nest fewer `relations`.",
    zh: "`{field}` 下的选择可能返回约 {objects} 个对象；一个字段最多返回 {max} 个。请调低 `first`/`limit`，或少嵌套几层 `relations`。",
  },
  QUERY_LIMIT: { en: "{detail} Split the query or select less.", zh: "查询超出了限制（深度、别名、指令或长度）。请拆分查询或少选一些字段。" },
  QUERY_TIMEOUT: {
    en: "The query took too long ({query}); narrow it (smaller depth, limit or first) and try again.",
    zh: "查询用时过长（{query}）；请缩小范围（更小的深度、数量或 first）后重试。",
  },
  DATABASE_UNAVAILABLE: { en: "The graph database is unavailable right now; try again in a few seconds.", zh: "图数据库暂时无法访问；请几秒钟后重试。" },
  RATE_LIMITED: { en: "Too many requests from your address; try again in {seconds} s.", zh: "你的地址发出的请求过多；请 {seconds} 秒后重试。" },
  RATE_LIMITED_COST: {
    en: "This request could return about {objects} objects, which costs {points} of your address's requests per minute, and too few are left; try again in {seconds} s, or ask for less (lower `first`/`limit`).",
    zh: "这个请求可能返回约 {objects} 个对象，相当于你的地址每分钟请求额度中的 {points} 个，而剩余额度不足；请 {seconds} 秒后重试，或少请求一些（调低 `first`/`limit`）。",
  },
  TOO_MANY_WAITING: {
    en: "Your address has {waiting} queries waiting already; wait for their answers before sending more.",
    zh: "你的地址已有 {waiting} 个查询在排队；请等它们返回后再发送。",
  },
  CLIENT_GONE: {
    en: "The request was abandoned (its connection closed) before its work was done: nothing more was run for it.",
    zh: "该请求在完成之前已被放弃（连接已关闭）：不再为它执行任何工作。",
  },
  INTERNAL: { en: "Unexpected error.", zh: "发生了意外错误。" },
  // A proposed relation (suggestRelation, and the validator's relation rules).
  UNKNOWN_TYPE: { en: "unknown relation type {value}; use one of {allowed}", zh: "未知的关系类型 {value}；请使用以下之一：{allowed}" },
  UNKNOWN_TO: {
    en: 'unknown entity id "{id}": no file seed/entities/*/{id}.yaml; check the spelling or add the entity',
    zh: "未知的实体标识 “{id}”：没有 seed/entities/*/{id}.yaml 文件；请检查拼写或先添加该实体",
  },
  UNKNOWN_FROM: {
    en: 'unknown entity id "{id}"; choose an entity that is in the graph, or add it first',
    zh: "未知的实体标识 “{id}”；请选择图中已有的实体，或先添加它",
  },
  SELF_RELATION: { en: "a relation cannot point at its own entity ({id})", zh: "关系不能指向它自己所在的实体（{id}）" },
  WRONG_START: {
    en: "{type} cannot start at {kindPhrase} ({id}); it goes from {allowedPhrase}",
    zh: "{type} 不能从 {kind} 类实体（{id}）出发；它的起点应为：{allowed}",
  },
  WRONG_END: {
    en: "{type} cannot end at {kindPhrase} ({id}); it goes to {allowedPhrase}",
    zh: "{type} 不能指向 {kind} 类实体（{id}）；它的终点应为：{allowed}",
  },
  NO_SOURCE: { en: "a relation needs at least one source: add its id under sources", zh: "关系至少需要一个来源：请在 sources 下添加来源标识" },
  UNKNOWN_SOURCE: {
    en: 'unknown source id "{id}": no file seed/sources/{id}.yaml; add the source or fix the id',
    zh: "未知的来源标识 “{id}”：没有 seed/sources/{id}.yaml 文件；请添加该来源或更正标识",
  },
  URL_NOT_REGISTERED: {
    en: 'no source has the url {url}; add it to seed/sources/ first (npm run kg -- add-source --url {quotedUrl} --title "<its real title>")',
    zh: '没有来源使用网址 {url}；请先把它加入 seed/sources/（npm run kg -- add-source --url {quotedUrl} --title "<真实标题>"）',
  },
  UNKNOWN_CLAIMANT: {
    en: 'unknown entity id "{id}" in claimedBy; name who makes the claim by an entity id',
    zh: "claimedBy 中的实体标识 “{id}” 不存在；请用实体标识写明是谁提出的说法",
  },
  BAD_STATUS: { en: "status must be one of {allowed}; got {value}", zh: "状态须为以下之一：{allowed}；收到的是 {value}" },
  CLAIM_WITHOUT_CLAIMANT: { en: "a claimed relation needs `claimedBy`: the ids of who claims it", zh: "“声称”的关系需要 `claimedBy`：写明提出说法者的标识" },
  NOTE_WITHOUT_ZH: {
    en: "a {status} relation with a note needs `noteZh`: the note in Chinese, so readers of both languages see what is claimed",
    zh: "带说明的 {status} 关系需要 `noteZh`：说明的中文版本，让两种语言的读者都能看到所声称的内容",
  },
  CLAIM_WITHOUT_QUOTE: {
    en: 'a {status} relation needs a quote: under `quotes`, the sentence of a cited source that states it, with its translation (seed/README.md, "Quotes")',
    zh: "{status} 关系需要引文：在 `quotes` 下写出所引来源中陈述该关系的原句及其译文（见 seed/README.md 的 “Quotes” 一节）",
  },
  DATE_MALFORMED: {
    en: "{field} must be a partial ISO date such as 2019, 2019-05 or 2019-05-16; got {value}",
    zh: "{field} 须为 ISO 日期，可只写年或年月，例如 2019、2019-05 或 2019-05-16；收到的是 {value}",
  },
  DATE_NOT_REAL: { en: "{field} {value} is not a real calendar date", zh: "{field} {value} 不是真实存在的日期" },
  UNTIL_BEFORE_SINCE: { en: "until {until} is before since {since}", zh: "结束日期 {until} 早于开始日期 {since}" },
  DUPLICATE_RELATION: {
    en: "duplicate relation {id}{also}; merge them, or give each a distinct `key`",
    zh: "重复的关系 {id}{also}；请合并，或给每条关系一个不同的 `key`",
  },
  QUOTE_SOURCE_NOT_CITED: {
    en: 'quote source "{source}" is not one this relation cites; quote one of {sources} or add it under sources',
    zh: "引文来源 “{source}” 不在这条关系引用的来源中；请引用 {sources} 之一，或把它加到 sources 下",
  },
  QUOTE_TOO_LONG: {
    en: "a quote is at most {max} characters (a sentence or two); this one has {length}",
    zh: "引文最多 {max} 个字符（一两句话）；这段有 {length} 个字符",
  },
  QUOTE_WRONG_LANGUAGE: {
    en: "the quote says language {language}, but source {source} is in {sourceLanguage}; quote the source in its own words",
    zh: "引文标注的语言是 {language}，但来源 {source} 使用的是 {sourceLanguage}；请用来源自己的原话引用",
  },
  QUOTE_NOT_CHINESE: {
    en: "a quote in Chinese (language zh) must be in Chinese characters, as the source writes it",
    zh: "中文引文（language zh）须按来源原文以汉字书写",
  },
  TRANSLATION_NOT_CHINESE: {
    en: "the translation of a quote in {language} must be in Chinese; only quotes in Chinese are translated into English",
    zh: "{language} 引文的译文须为中文；只有中文引文才译成英文",
  },
  TRANSLATION_NOT_ENGLISH: { en: "the translation of a quote in Chinese must be in English", zh: "中文引文的译文须为英文" },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === "string" && Object.hasOwn(PROBLEMS, code);
}

/** What a problem says in a language. */
export function problemText(code: ProblemCode, params: ProblemParams, lang: "en" | "zh"): string {
  return fill(PROBLEMS[code][lang], params);
}
