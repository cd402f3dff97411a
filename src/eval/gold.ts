// The gold file format: a hand-made reference encoding of an article in the DESIGN.md vocabulary.
import { z } from "zod";

export const GoldEntity = z.object({
  id: z.string().min(1),
  kind: z.array(z.string()).min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  required: z.boolean(),
});

export const GoldRelation = z.object({
  source: z.string(),
  relation: z.array(z.string()).min(1),
  target: z.string(),
  required: z.boolean(),
  evidence: z.string().optional(),
});

export const Gold = z.object({
  document: z.string().optional(),
  about: z.string().optional(),
  entities: z.array(GoldEntity),
  relations: z.array(GoldRelation),
});
export type Gold = z.infer<typeof Gold>;
