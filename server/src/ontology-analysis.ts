/**
 * What the dependency analysis reads of a relation type (relation-types.yaml), checked: its
 * dependency meaning, and whether it restricts (with the policy types under which naming a party
 * cuts supplies to it), exempts or suspends. ontology.ts parses the rest of the type.
 */
import type { DependencyDef, RelationTypeDef } from "./ontology.js";
import type { Raw } from "./ontology-fields.js";

type AnalysisMeaning = Pick<RelationTypeDef, "dependency" | "restriction" | "partyPolicyTypes" | "exemption" | "suspension">;

/** The kinds a type connects and the POLICY policyType values, to check the flags against. */
interface Context {
  from: string[];
  to: string[];
  policyTypes: string[];
}

export function parseAnalysisMeaning(raw: Raw, { from, to, policyTypes }: Context, where: string, problems: string[]): AnalysisMeaning {
  let dependency: DependencyDef | undefined;
  if (raw.dependency !== undefined) {
    const dep = (raw.dependency ?? {}) as Raw;
    if ((dep.dependent !== "from" && dep.dependent !== "to") || (dep.role !== "input" && dep.role !== "provider"))
      problems.push(`${where}: dependency must be {dependent: from|to, role: input|provider}`);
    else if (dep.internal !== undefined && (dep.internal !== true || dep.role !== "provider"))
      problems.push(`${where}: dependency internal is \`true\` on a provider only (an operator running its own plant), or left out`);
    else dependency = { dependent: dep.dependent, role: dep.role, internal: dep.internal === true };
  }
  const restriction = raw.restriction === true;
  const exemption = raw.exemption === true;
  const suspension = raw.suspension === true;
  if ([restriction, exemption, suspension].filter(Boolean).length > 1)
    problems.push(`${where}: a type is at most one of restriction, exemption and suspension`);
  if (suspension && [...from, ...to].some((k) => k !== "POLICY")) problems.push(`${where}: a suspension type goes from POLICY to POLICY`);
  if (restriction && dependency) problems.push(`${where}: a restriction type cannot also declare a dependency`);
  let partyPolicyTypes: string[] | undefined;
  if (raw.partyPolicyTypes !== undefined) {
    const list = raw.partyPolicyTypes;
    if (!restriction || !Array.isArray(list) || list.length === 0)
      problems.push(`${where}: partyPolicyTypes is a non-empty list of POLICY policyType values, on a restriction type only`);
    else {
      for (const v of list)
        if (!policyTypes.includes(String(v))) problems.push(`${where}: partyPolicyTypes names ${String(v)}, which is not a policyType value in kinds.yaml`);
      partyPolicyTypes = list.map(String);
    }
  }
  return { dependency, restriction, ...(partyPolicyTypes ? { partyPolicyTypes } : {}), exemption, suspension };
}
