/** The table of problems the API reports (server/src/core/problems.ts), said in both languages. */
import { describe, expect, it } from "vitest";
import { isProblemCode, PROBLEMS, problemText } from "../../server/src/core/problems.js";
import { sayProblem } from "../../web/src/api/problem.js";

describe("the problems the API reports", () => {
  it("say every problem in Chinese as well as in English", () => {
    for (const [code, text] of Object.entries(PROBLEMS)) {
      expect(text.zh, code).toMatch(/[\u3400-\u9fff]/);
      expect(text.en, code).toMatch(/[a-z]{2,} [a-z]{2,}/);
    }
  });

  it("fill their parameters, and know only their own codes", () => {
    expect(problemText("ID_TOO_LONG", { argument: "id", length: 300, max: 200 }, "zh")).toBe("`id` 长 300 个字符；标识最多 200 个字符。");
    expect(problemText("ID_TOO_LONG", { argument: "id", length: 300, max: 200 }, "en")).toBe("`id` is 300 characters long; ids have at most 200.");
    expect(isProblemCode("SEARCH_EMPTY")).toBe(true);
    expect(isProblemCode("toString")).toBe(false);
  });

  it("are said by the explorer in the reader's language, and an unknown one without the server's English in Chinese", () => {
    const problem = { code: "ENTITY_NOT_FOUND", params: { ids: '"x"' } };
    expect(sayProblem(problem, 'No entity has the id "x"; find ids with `search`.', "zh", "请求失败")).toBe('没有标识为 "x" 的实体；可用搜索查找标识。');
    expect(sayProblem({ code: "SOMETHING_NEW", params: {} }, "Something new went wrong.", "zh", "请求失败")).toBe("请求失败");
    expect(sayProblem({ code: "SOMETHING_NEW", params: {} }, "Something new went wrong.", "en", "request failed")).toBe("Something new went wrong.");
  });
});
