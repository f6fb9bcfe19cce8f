import type { Context } from "../../context.js";
import { kindTypeName } from "../../ontology.js";
import { OPEN_QUESTIONS } from "../../seed/gaps.js";

/** Served from the loaded ontology: no database query. */
export function ontology(_parent: unknown, _args: unknown, { ontology }: Context) {
  return {
    kinds: ontology.kinds.map((k) => ({
      kind: k.kind,
      typeName: kindTypeName(k),
      label: k.label,
      labelZh: k.labelZh,
      description: k.description,
      colour: k.colour,
      shape: k.shape,
      finished: k.finished,
      attributes: k.attributes.map((a) => ({
        name: a.name,
        type: a.type,
        label: a.label,
        labelZh: a.labelZh,
        values: a.values ?? null,
        valueLabels: a.valueLabels ?? null,
        description: a.description,
      })),
    })),
    relationTypes: ontology.relationTypes.map((t) => ({
      ...t,
      dependency: t.dependency
        ? { dependent: t.dependency.dependent.toUpperCase(), role: t.dependency.role.toUpperCase(), internal: t.dependency.internal }
        : null,
      attributes: t.attributes.map((a) => ({ name: a.name, type: a.type, label: a.label, labelZh: a.labelZh, description: a.description })),
    })),
    statuses: ontology.statuses.map((s) => s.name),
    openQuestions: Object.entries(OPEN_QUESTIONS).map(([code, q]) => ({
      question: code,
      label: q.label,
      labelZh: q.labelZh,
      answer: q.answer ? { type: q.answer.type ?? null, end: q.answer.end.toUpperCase() } : null,
    })),
  };
}
