/**
 * A synthetic atlas in the seed's own in-memory shape (SeedGraph), for benchmarks: every kind with
 * its attributes, every relation type between the kinds the ontology allows at each end, sources,
 * English and Chinese names, and power-law degrees (a few hubs like NVIDIA or Huawei, a long tail).
 * Deterministic: the same size and seed give the same graph, byte for byte.
 */
import { prng } from "../server/src/core/random.js";
import type { AttributeDef, Ontology, Status } from "../server/src/ontology.js";
import { type EntityRecord, type RelationRecord, relationId, type SeedGraph, type SourceRecord } from "../server/src/seed/model.js";

export interface GraphSize {
  name: string;
  entities: number;
  relations: number;
}

export const SIZES: Record<"S" | "M", GraphSize> = {
  S: { name: "S", entities: 10_000, relations: 50_000 },
  M: { name: "M", entities: 100_000, relations: 1_000_000 },
};

/** Share of entities per kind; a kind the ontology adds later gets weight 1. */
const KIND_WEIGHT: Record<string, number> = {
  ORGANIZATION: 30,
  PERSON: 14,
  CHIP: 10,
  SYSTEM: 9,
  MODEL: 15,
  TECHNOLOGY: 12,
  POLICY: 5,
  METRIC: 5,
};

/** Zipf exponent of how often an entity is picked as a relation end: 0.8 gives degree ~ k^-2.25. */
const ZIPF = 0.8;

const COUNTRIES = ["CN", "US", "TW", "KR", "JP", "NL", "DE", "GB", "FR", "IL", "IN", "SG", "CA", "AE", "SA"];
const COUNTRY_WEIGHT = [30, 30, 8, 5, 5, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1];
const STATUS_WEIGHT: [Status, number][] = [
  ["confirmed", 60],
  ["reported", 25],
  ["claimed", 10],
  ["disputed", 5],
];

const EN_PARTS = [
  "Ascend",
  "Kunlun",
  "Hopper",
  "Blackwell",
  "Ampere",
  "Cambricon",
  "Biren",
  "Moore",
  "Enflame",
  "Iluvatar",
  "Horizon",
  "Zhipu",
  "Moonshot",
  "Deep",
  "Seek",
  "Qwen",
  "Hunyuan",
  "Ernie",
  "Pangu",
  "Atlas",
  "Matrix",
  "Cloud",
  "Quantum",
  "Silicon",
  "Photon",
  "Neuron",
  "Tensor",
  "Vector",
  "Lattice",
  "Nova",
  "Star",
  "River",
  "Summit",
  "Harbor",
  "Pioneer",
  "Falcon",
  "Phoenix",
  "Dragon",
  "Lotus",
  "Jade",
  "Crystal",
  "Orbit",
  "Pulse",
  "Vertex",
  "Apex",
  "Fusion",
  "Cortex",
  "Sigma",
  "Delta",
  "Gamma",
];
const EN_SUFFIX: Record<string, string[]> = {
  ORGANIZATION: ["Technologies", "Labs", "Semiconductor", "Systems", "Group", "AI", "Computing", "Institute", "Holdings", "Cloud"],
  PERSON: [],
  CHIP: ["910", "X1", "H200", "B300", "C2", "NPU", "GPU", "M3", "HBM3e", "S9"],
  SYSTEM: ["Cluster", "SuperPoD", "Rack", "Supernode", "Data Centre", "Server"],
  MODEL: ["LM", "Chat", "Coder", "VL", "Reasoner", "Turbo", "Base", "Instruct"],
  TECHNOLOGY: ["Link", "Stack", "Compiler", "Runtime", "Fabric", "OS", "Node", "Packaging"],
  POLICY: ["Rule", "Act", "Order", "Listing", "Programme", "Tariff"],
  METRIC: ["Throughput", "Share", "Capacity", "Utilisation", "Revenue", "Output"],
};
const GIVEN = ["Wei", "Lei", "Jun", "Ming", "Hui", "Yan", "Jing", "Tao", "Jensen", "Lisa", "Sam", "Dario", "Demis", "Mark", "Satya", "Sundar"];
const FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Hu", "Smith", "Lee"];
const ZH_CHARS =
  "华为昇腾海思中芯国际寒武纪百度阿里巴巴腾讯字节跳动智谱月之暗面深度求索壁仞摩尔线程燧原天数智芯地平线科大讯飞商汤旷视云天励飞紫光长江存储合肥长鑫北方华创中微上海微电子";
const ZH_SUFFIX: Record<string, string[]> = {
  ORGANIZATION: ["科技", "集团", "实验室", "半导体", "研究院", "公司"],
  PERSON: [],
  CHIP: ["芯片", "处理器", "加速卡"],
  SYSTEM: ["集群", "超节点", "数据中心", "服务器"],
  MODEL: ["大模型", "模型"],
  TECHNOLOGY: ["技术", "互联", "架构", "工艺"],
  POLICY: ["规定", "法案", "清单", "政策"],
  METRIC: ["指标", "产能", "份额"],
};
const ZH_FAMILY = "王李张刘陈杨黄赵吴周徐孙马胡";
const ZH_GIVEN = "伟磊军明辉燕静涛正非仁义";

class Picker {
  constructor(private readonly random: () => number) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  one<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.random() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
  year(from = 1990, to = 2025): string {
    return String(from + this.int(to - from + 1));
  }
  partialDate(): string {
    const y = this.year(2000, 2025);
    const shape = this.int(3);
    if (shape === 0) return y;
    const m = String(1 + this.int(12)).padStart(2, "0");
    if (shape === 1) return `${y}-${m}`;
    return `${y}-${m}-${String(1 + this.int(28)).padStart(2, "0")}`;
  }
  zh(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += ZH_CHARS[this.int(ZH_CHARS.length)];
    return out;
  }
}

/** Picks entity indexes with probability ~ rank^-ZIPF (cumulative weights, binary search). */
class ZipfSampler {
  private readonly cumulative: Float64Array;
  constructor(readonly size: number) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      sum += (i + 1) ** -ZIPF;
      this.cumulative[i] = sum;
    }
  }
  pick(random: () => number): number {
    const x = random() * (this.cumulative[this.size - 1] as number);
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function attributeValue(def: AttributeDef, pick: Picker): string | number | boolean {
  if (def.values && def.values.length > 0) return pick.one(def.values);
  switch (def.type) {
    case "integer":
      return 1 + pick.int(100_000);
    case "number":
      return Math.round(pick.int(1_000_000)) / 100;
    case "boolean":
      return pick.chance(0.5);
    case "date":
      return pick.partialDate();
    default:
      return `${pick.one(EN_PARTS)} ${pick.one(EN_PARTS)} ${1 + pick.int(99)}`;
  }
}

/** Names made to be searchable: English tokens and Chinese bigrams recur across entities. */
function names(kind: string, index: number, pick: Picker): { name: string; nameZh?: string; aliases: string[] } {
  if (kind === "PERSON") {
    const name = `${pick.one(GIVEN)} ${pick.one(FAMILY)} ${index}`;
    const nameZh = pick.chance(0.6)
      ? `${ZH_FAMILY[pick.int(ZH_FAMILY.length)]}${ZH_GIVEN[pick.int(ZH_GIVEN.length)]}${ZH_GIVEN[pick.int(ZH_GIVEN.length)]}`
      : undefined;
    return { name, nameZh, aliases: [] };
  }
  const suffixes = EN_SUFFIX[kind] ?? ["Item"];
  const first = pick.one(EN_PARTS);
  const name = `${first}${pick.chance(0.5) ? pick.one(EN_PARTS).toLowerCase() : ""} ${pick.one(suffixes)} ${index}`;
  const zhSuffixes = ZH_SUFFIX[kind] ?? ["项"];
  const nameZh = pick.chance(0.7) ? `${pick.zh(2 + pick.int(3))}${pick.one(zhSuffixes)}` : undefined;
  const aliases = pick.chance(0.3) ? [`${first.slice(0, 3).toUpperCase()}-${index}`] : [];
  return { name, nameZh, aliases };
}

export interface GeneratedGraph extends SeedGraph {
  /** Ids of the most connected entities (hubs), for query benchmarks. */
  hubs: string[];
  /** Ids of ordinary entities (median degree), for query benchmarks. */
  ordinary: string[];
  /** Words that the search index will find (English tokens and Chinese bigrams). */
  searchTerms: string[];
}

export function generateGraph(ontology: Ontology, size: GraphSize, seed = 20250610): GeneratedGraph {
  const random = prng(seed);
  const pick = new Picker(random);
  const kinds = ontology.kinds;
  const weights = kinds.map((k) => KIND_WEIGHT[k.kind] ?? 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  // Entities, grouped by kind; within a kind, index 0 is the biggest hub.
  const byKind = new Map<string, EntityRecord[]>();
  const entities: EntityRecord[] = [];
  let remaining = size.entities;
  for (const [i, kind] of kinds.entries()) {
    const count = i === kinds.length - 1 ? remaining : Math.max(1, Math.round((size.entities * (weights[i] as number)) / totalWeight));
    remaining -= count;
    const list: EntityRecord[] = [];
    for (let n = 0; n < count; n++) {
      const { name, nameZh, aliases } = names(kind.kind, n, pick);
      const attributes: Record<string, string | number | boolean> = {};
      for (const def of kind.attributes) if (pick.chance(0.7)) attributes[def.name] = attributeValue(def, pick);
      const entity: EntityRecord = {
        id: `${kind.folder}-${n}`,
        kind: kind.kind,
        name,
        aliases,
        attributes,
      };
      if (nameZh) entity.nameZh = nameZh;
      if (kind.kind !== "METRIC" && pick.chance(0.9)) entity.country = pick.weighted(COUNTRIES, COUNTRY_WEIGHT);
      if (pick.chance(0.8)) entity.description = `Synthetic ${kind.label.toLowerCase()} number ${n}, generated for benchmarks.`;
      if (kind.kind === "ORGANIZATION" && pick.chance(0.5)) entity.homepage = `https://example.org/${kind.folder}/${n}`;
      if (pick.chance(0.2)) entity.wikidata = `Q${1000 + pick.int(10_000_000)}`;
      list.push(entity);
      entities.push(entity);
    }
    byKind.set(kind.kind, list);
  }
  const samplers = new Map([...byKind].map(([kind, list]) => [kind, new ZipfSampler(list.length)]));

  const sources: SourceRecord[] = [];
  const sourceCount = Math.max(10, Math.round(size.entities / 10));
  for (let n = 0; n < sourceCount; n++) {
    const zh = pick.chance(0.4);
    const source: SourceRecord = {
      id: `source-${n}`,
      title: zh ? `${pick.zh(6)}报道 ${n}` : `Report ${n} on ${pick.one(EN_PARTS)} and ${pick.one(EN_PARTS)}`,
      language: zh ? "zh" : "en",
      url: `https://example.org/source/${n}`,
    };
    if (pick.chance(0.8)) source.publisher = pick.one(["Reuters", "人民日报", "Nikkei", "财新", "SemiAnalysis", "The Information", "36氪"]);
    if (pick.chance(0.9)) source.date = pick.partialDate();
    sources.push(source);
  }
  const sourceSampler = new ZipfSampler(sources.length);
  const orgs = byKind.get("ORGANIZATION") ?? entities;
  const orgSampler = new ZipfSampler(orgs.length);

  // Relation types, weighted by how many kind pairs they connect (USES and COMPETES_WITH are common).
  const types = ontology.relationTypes.filter((t) => t.from.some((k) => byKind.has(k)) && t.to.some((k) => byKind.has(k)));
  const typeWeights = types.map((t) => Math.sqrt(t.from.length * t.to.length));
  const seen = new Set<string>();
  const relations: RelationRecord[] = [];
  const degree = new Map<string, number>();
  while (relations.length < size.relations) {
    const type = pick.weighted(types, typeWeights);
    const fromKind = pick.one(type.from.filter((k) => byKind.has(k)));
    const toKind = pick.one(type.to.filter((k) => byKind.has(k)));
    const from = (byKind.get(fromKind) as EntityRecord[])[(samplers.get(fromKind) as ZipfSampler).pick(random)] as EntityRecord;
    const to = (byKind.get(toKind) as EntityRecord[])[(samplers.get(toKind) as ZipfSampler).pick(random)] as EntityRecord;
    if (from.id === to.id) continue;
    let id = relationId(from.id, type.type, to.id);
    let key: string | undefined;
    if (seen.has(id) || (type.symmetric && seen.has(relationId(to.id, type.type, from.id)))) {
      // Hubs meet often: a repeat becomes a second, keyed relation (as the seed allows) now and then.
      if (type.symmetric || !pick.chance(0.1)) continue;
      key = `k${relations.length}`;
      id = relationId(from.id, type.type, to.id, key);
    }
    seen.add(id);
    const status = pick.weighted(
      STATUS_WEIGHT.map(([s]) => s),
      STATUS_WEIGHT.map(([, w]) => w),
    );
    const relation: RelationRecord = {
      attributes: {},
      quotes: [],
      id,
      type: type.type,
      from: from.id,
      to: to.id,
      status,
      claimedBy: status === "claimed" ? [(orgs[orgSampler.pick(random)] as EntityRecord).id] : [],
      sources: Array.from(new Set(Array.from({ length: 1 + pick.int(3) }, () => (sources[sourceSampler.pick(random)] as SourceRecord).id))),
    };
    if (key) relation.key = key;
    if (pick.chance(0.4)) relation.since = pick.partialDate();
    if (relation.since && pick.chance(0.15)) relation.until = `${Number(relation.since.slice(0, 4)) + 1 + pick.int(3)}`;
    if (pick.chance(0.1)) relation.note = `Synthetic note on ${type.label.toLowerCase()}.`;
    relations.push(relation);
    degree.set(from.id, (degree.get(from.id) ?? 0) + 1);
    degree.set(to.id, (degree.get(to.id) ?? 0) + 1);
  }

  // Benchmark targets: hubs are the top of the degree ranking; ordinary entities sit at its median.
  const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const hubs = ranked.slice(0, 20).map(([id]) => id);
  const middle = Math.floor(ranked.length / 2);
  const ordinary = ranked.slice(middle, middle + 200).map(([id]) => id);
  const searchTerms = [...EN_PARTS.slice(0, 20), ...["华为", "芯片", "集群", "模型", "科技", "中芯", "寒武", "阿里", "深度", "昇腾"]];
  return { entities, relations, sources, hubs, ordinary, searchTerms };
}

/** Degree statistics, for the results: proof that the degrees follow a power law. */
export function degreeStats(graph: SeedGraph): { max: number; p50: number; p99: number; top10Share: number } {
  const degree = new Map<string, number>();
  for (const r of graph.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const values = graph.entities.map((e) => degree.get(e.id) ?? 0).sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
  const top10 = values.slice(-Math.max(1, Math.floor(values.length / 10))).reduce((a, b) => a + b, 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { max: values[values.length - 1] ?? 0, p50: at(0.5), p99: at(0.99), top10Share: total ? top10 / total : 0 };
}
