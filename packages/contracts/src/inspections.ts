import { z } from 'zod';
import { ZId, ZIdParam, ZIsoDate } from './validation.js';

export const INSPECTION_KINDS = { periodic: { vi: 'Định kỳ', en: 'Periodic' }, thematic: { vi: 'Chuyên đề', en: 'Thematic' }, surprise: { vi: 'Đột xuất', en: 'Surprise' } } as const;
export const ZInspectionKind = z.enum(['periodic', 'thematic', 'surprise']);

export const ZViolationType = z.object({
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  category: z.enum(['prostitution', 'business_conditions', 'other']),
  fineMin: z.number().nullable(),
  fineMax: z.number().nullable(),
  active: z.boolean(),
});
export type TViolationType = z.infer<typeof ZViolationType>;

export const ZViolationTypeRequest = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]+$/).max(40),
  name: z.string().trim().min(1).max(500),
  legalBasis: z.string().trim().max(300).default(''),
  category: z.enum(['prostitution', 'business_conditions', 'other']),
  fineMin: z.number().min(0).max(1e10).nullable().optional(),
  fineMax: z.number().min(0).max(1e10).nullable().optional(),
  active: z.boolean().default(true),
});

export const ZTeamMember = z.strictObject({ name: z.string().trim().min(1).max(120), agency: z.string().trim().min(1).max(200) });

export const ZInspectionPlanRequest = z
  .strictObject({
    unitId: ZId,
    kind: ZInspectionKind,
    title: z.string().trim().min(1).max(300),
    team: z.array(ZTeamMember).min(1).max(30),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    establishmentIds: z.array(ZId).max(2000),
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: 'ngày kết thúc phải không trước ngày bắt đầu', path: ['endsOn'] });
export type TInspectionPlanRequest = z.infer<typeof ZInspectionPlanRequest>;

export const ZSanctionInput = z.strictObject({
  decisionNo: z.string().trim().min(1).max(60),
  decisionDate: ZIsoDate,
  issuer: z.string().trim().min(1).max(200),
  fineAmount: z.number().min(0).max(1e10),
  additionalMeasures: z.string().trim().max(1000).default(''),
  followUp: z.string().trim().max(2000).default(''),
  followUpDoneOn: ZIsoDate.nullable().optional(),
});

export const ZInspectionRequest = z.strictObject({
  establishmentId: ZId,
  inspectionPlanId: ZId.nullable().optional(),
  kind: ZInspectionKind,
  inspectedOn: ZIsoDate,
  checklist: z.array(z.strictObject({ item: z.string().trim().min(1).max(300), ok: z.boolean() })).max(50).default([]),
  findings: z.string().max(10_000).default(''),
  peoplePresent: z.number().int().min(0).max(10_000).default(0),
  violations: z.array(z.strictObject({ code: z.string().max(40), note: z.string().max(1000).default('') })).max(30).default([]),
  sanction: ZSanctionInput.nullable().optional(),
});
export type TInspectionRequest = z.infer<typeof ZInspectionRequest>;

export const ZSanctionFollowUpRequest = z.strictObject({ followUp: z.string().trim().max(2000), followUpDoneOn: ZIsoDate.nullable() });

export const ZInspection = z.object({
  id: z.number().int(),
  establishmentId: z.number().int(),
  establishmentName: z.string(),
  inspectionPlanId: z.number().int().nullable(),
  kind: ZInspectionKind,
  inspectedOn: z.string(),
  checklist: z.array(z.object({ item: z.string(), ok: z.boolean() })),
  findings: z.string(),
  peoplePresent: z.number().int(),
  violations: z.array(z.object({ code: z.string(), name: z.string(), note: z.string() })),
  files: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int() })),
  sanctions: z.array(
    z.object({ id: z.number().int(), decisionNo: z.string(), decisionDate: z.string(), issuer: z.string(), fineAmount: z.number(), additionalMeasures: z.string(), followUp: z.string(), followUpDoneOn: z.string().nullable() }),
  ),
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZInspectionPlan = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  kind: ZInspectionKind,
  title: z.string(),
  team: z.array(z.object({ name: z.string(), agency: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  establishments: z.array(z.object({ id: z.number().int(), name: z.string(), inspected: z.boolean() })),
});

/** Factors of the inspection priority and their weights; configuration that an administrator edits. */
export const ZRiskWeights = z.strictObject({
  type: z.record(z.string().max(40), z.number().min(0).max(1000)),
  riskLevel: z.strictObject({ low: z.number().min(0).max(1000), medium: z.number().min(0).max(1000), high: z.number().min(0).max(1000) }),
  unclassified: z.number().min(0).max(1000),
  perMonthSinceInspection: z.number().min(0).max(1000),
  neverInspected: z.number().min(0).max(1000),
  monthsCap: z.number().int().min(1).max(120),
  perPastViolation: z.number().min(0).max(1000),
  perLinkedTip: z.number().min(0).max(1000),
  noCommitment: z.number().min(0).max(1000),
});
export type TRiskWeights = z.infer<typeof ZRiskWeights>;

export const ZPriorityItem = z.object({
  establishmentId: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  typeName: z.string(),
  score: z.number(),
  lastInspectedOn: z.string().nullable(),
  factors: z.array(z.object({ factor: z.string(), label: z.string(), points: z.number() })),
});

export const ZPriorityQuery = z.object({ unitId: ZIdParam.optional(), limit: z.coerce.number().int().min(1).max(500).default(50) });
