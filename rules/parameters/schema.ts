import { z } from 'zod';
import { IsoDate } from '../facts.js';
import { PARAMETER_IDS, type ParameterId } from './ids.js';

/**
 * A parameter set as a municipality writes it (JSON), OpenFisca style: each figure has values
 * keyed by the date they take effect. The default set in default.json is the seeds' figures.
 */

const Values = z
  .record(IsoDate, z.number().int('skal være et helt tal').min(0, 'kan ikke være negativ').max(1000, 'er urimeligt stor'))
  .refine((v) => Object.keys(v).length > 0, 'skal have mindst én værdi med den dato, den gælder fra');

export const ParameterDefinitionSchema = z
  .object({
    description: z.string().min(1),
    unit: z.enum(['months', 'weeks', 'visits-per-week', 'hours-per-week']),
    /** The passage of the standard the figure comes from. */
    passage: z.string().min(1),
    /** Law the figure rests on, where it is not the standard itself (e.g. "Barnets lov § 95"). */
    reference: z.string().min(1).optional(),
    /** Why a value was chosen where the standard is silent. */
    note: z.string().min(1).optional(),
    values: Values,
  })
  .strict();

export type ParameterDefinition = z.infer<typeof ParameterDefinitionSchema>;

const idShape = Object.fromEntries(PARAMETER_IDS.map((id) => [id, ParameterDefinitionSchema])) as Record<
  ParameterId,
  typeof ParameterDefinitionSchema
>;

/**
 * The areas the child's wellbeing is scored on (1–5) at intake and at every review. The default is
 * the ICS triangle's three sides (the child's development, the parents' capacity, family and
 * surroundings); a municipality may name its own. Ids are stable: scores are stored by them.
 */
export const WellbeingAreasSchema = z
  .array(
    z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'skal være et id med små bogstaver og bindestreger'),
        da: z.string().trim().min(1).max(60),
        en: z.string().trim().min(1).max(60),
      })
      .strict(),
  )
  .min(1, 'skal have mindst ét område')
  .max(8, 'højst 8 områder')
  .refine((areas) => new Set(areas.map((a) => a.id)).size === areas.length, 'områdernes id skal være forskellige');

export type WellbeingArea = z.infer<typeof WellbeingAreasSchema>[number];

/** The complete set the rules read: every figure present. */
export const ParameterSetSchema = z
  .object({
    name: z.string().trim().min(1, 'skal have et navn (fx kommunens navn)'),
    parameters: z.object(idShape).strict(),
    wellbeingAreas: WellbeingAreasSchema,
  })
  .strict();

export type ParameterSet = z.infer<typeof ParameterSetSchema>;

/**
 * A municipality's file: its name, and for each figure it sets, the dated values. Description
 * and passage stay the standard's own; a municipality changes the figures, not the citations.
 */
export const MunicipalityParametersSchema = z
  .object({
    name: z.string().trim().min(1, 'skal have et navn (fx kommunens navn)'),
    parameters: z
      .object(Object.fromEntries(PARAMETER_IDS.map((id) => [id, z.object({ values: Values }).strict()])) as Record<
        ParameterId,
        z.ZodObject<{ values: typeof Values }>
      >)
      .partial()
      .strict(),
    wellbeingAreas: WellbeingAreasSchema.optional(),
  })
  .strict();

export type MunicipalityParameters = z.infer<typeof MunicipalityParametersSchema>;
