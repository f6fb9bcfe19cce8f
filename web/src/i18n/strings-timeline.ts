/** The timeline panel's text, in both languages (`t.timeline`); the same keys in each (the type says so). */

export const timelineEn = {
  title: "Controls and countermeasures over time",
  intro:
    "Every rule, listing, law and programme in the atlas, oldest first, dated by when it took effect (else when it was announced), with what it restricts, what it answers and what answers it. “What it cuts” opens its impact.",
  issuer: "Issued by",
  anyIssuer: "Any country",
  type: "Type",
  anyType: "Any type",
  count: "{n} of {total} policies",
  none: "No policy matches these filters.",
  undated: "Undated",
  colDate: "Date",
  colPolicy: "Policy",
  colWhat: "What it does",
  colAnswers: "Answers and answered by",
  restricts: "Restricts",
  exempts: "Lifts for",
  amends: "Amends",
  suspendedBy: "Suspended by",
  respondsTo: "Answers",
  answeredBy: "Answered by",
  more: "and {n} more",
  impact: "What it cuts",
  impactTitle: "What {name} cuts, in the supply-chain panel",
};

export type TimelineStrings = typeof timelineEn;

export const timelineZh: TimelineStrings = {
  title: "管制与反制时间线",
  intro:
    "图谱中的每项规则、清单、法律和计划，按生效时间（无则按公布时间）由早到晚排列，列出其限制了什么、回应了什么、又被什么回应。“切断了什么”打开其影响分析。",
  issuer: "发布国家",
  anyIssuer: "所有国家",
  type: "类型",
  anyType: "所有类型",
  count: "共 {total} 项政策，显示 {n} 项",
  none: "没有符合筛选条件的政策。",
  undated: "日期不详",
  colDate: "日期",
  colPolicy: "政策",
  colWhat: "内容",
  colAnswers: "回应与被回应",
  restricts: "限制",
  exempts: "豁免",
  amends: "修订",
  suspendedBy: "被暂停于",
  respondsTo: "回应",
  answeredBy: "被回应于",
  more: "另有 {n} 项",
  impact: "切断了什么",
  impactTitle: "在供应链面板查看{name}切断了什么",
};
