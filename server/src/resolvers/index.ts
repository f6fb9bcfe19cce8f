/** The resolver map: one file per root field under Query/, the types below the root in types.ts. */
import type { IResolvers } from "@graphql-tools/utils";
import type { Context } from "../context.js";
import { chokepoints } from "./Query/chokepoints.js";
import { compare } from "./Query/compare.js";
import { dependencies } from "./Query/dependencies.js";
import { dependents } from "./Query/dependents.js";
import { entities } from "./Query/entities.js";
import { entity } from "./Query/entity.js";
import { exposure } from "./Query/exposure.js";
import { impact } from "./Query/impact.js";
import { loss } from "./Query/loss.js";
import { map } from "./Query/map.js";
import { neighborhood } from "./Query/neighborhood.js";
import { ontology } from "./Query/ontology.js";
import { paths } from "./Query/paths.js";
import { relations } from "./Query/relations.js";
import { search } from "./Query/search.js";
import { source } from "./Query/source.js";
import { stats } from "./Query/stats.js";
import { suggestRelation } from "./Query/suggestRelation.js";
import { timeline } from "./Query/timeline.js";
import { DateScalar } from "./scalars.js";
import { typeResolvers } from "./types.js";

export const resolvers: IResolvers<unknown, Context> = {
  Query: {
    entity,
    entities,
    search,
    neighborhood,
    paths,
    relations,
    source,
    ontology,
    stats,
    suggestRelation,
    dependencies,
    dependents,
    exposure,
    chokepoints,
    impact,
    loss,
    compare,
    timeline,
    map,
  },
  Date: DateScalar,
  ...(typeResolvers as IResolvers<unknown, Context>),
};
