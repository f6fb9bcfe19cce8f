/** The Date scalar: partial ISO dates (2019, 2019-05, 2019-05-16), real calendar dates only. */
import { GraphQLScalarType, Kind } from "graphql";
import { isRealPartialDate } from "../core/dates.js";
import { badInput } from "./errors.js";

const FORM = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function parse(value: unknown): string {
  if (typeof value !== "string" || !FORM.test(value) || !isRealPartialDate(value)) {
    const shown = typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw badInput("DATE_INVALID", { value: JSON.stringify(shown) ?? String(shown) });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date in ISO 8601 form, possibly partial: a year, a month or a day.",
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput("DATE_NOT_STRING");
    return parse(ast.value);
  },
});
