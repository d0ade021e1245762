import type { KnownPassageId } from './passages/index.js';

/**
 * What a preventive course works on, from the model (section 2 "Underformål" and section 4
 * "Indhold og arbejdsopgaver"), so a case plan can pick its focus points and tasks and each
 * stays tied to the standard's own words.
 */

export interface FocusPoint {
  readonly id: 'interaction' | 'relationship' | 'learning-environment';
  /** The model's own words for the point (quoted from the passage). */
  readonly label: string;
  readonly labelEn: string;
  readonly passage: KnownPassageId;
}

/** The three numbered focus points of the preventive course; all three sit in one passage. */
export const FOCUS_POINTS: readonly FocusPoint[] = [
  {
    id: 'interaction',
    label: 'samspillet mellem forældre og barn',
    labelEn: 'the interaction between parents and child',
    passage: 'hpi.2.underformaal.fokus',
  },
  {
    id: 'relationship',
    label: 'udvikling af relationen mellem forældre og barn',
    labelEn: 'developing the relationship between parents and child',
    passage: 'hpi.2.underformaal.fokus',
  },
  {
    id: 'learning-environment',
    label: 'støtte og vejledning til at skabe gode læringsmiljøer i hjemmet',
    labelEn: 'support and guidance to create good learning environments at home',
    passage: 'hpi.2.underformaal.fokus',
  },
];

export interface TaskGroup {
  readonly id: 'relations' | 'wellbeing' | 'daycare';
  /** The model's heading for the group. */
  readonly title: string;
  readonly titleEn: string;
  /** Each task is one bullet of the model; its text is the passage. */
  readonly tasks: readonly { readonly id: string; readonly passage: KnownPassageId }[];
}

function tasks(prefix: 'relationer' | 'trivsel' | 'dagtilbud', count: number, id: TaskGroup['id']): TaskGroup['tasks'] {
  return Array.from({ length: count }, (_, i) => ({ id: `${id}-${i + 1}`, passage: `hpi.4.${prefix}.${i + 1}` as KnownPassageId }));
}

/** The "arbejdsopgaver" the pedagogical support is based on (hpi.4.arbejdsopgaver), in printed order. */
export const TASK_GROUPS: readonly TaskGroup[] = [
  {
    id: 'relations',
    title: 'Styrkelse af relationer og rammer i familiens hjem',
    titleEn: 'Relations and routines in the home',
    tasks: tasks('relationer', 6, 'relations'),
  },
  {
    id: 'wellbeing',
    title: 'Styrkelse af børnenes trivsel, læring, udvikling og dannelse',
    titleEn: "The child's wellbeing, learning, development and formation",
    tasks: tasks('trivsel', 6, 'wellbeing'),
  },
  {
    id: 'daycare',
    title: 'Samspil med dagtilbud',
    titleEn: 'Cooperation with daycare',
    tasks: tasks('dagtilbud', 3, 'daycare'),
  },
];

/** The passage that introduces the task groups ("... baseres på nogle af de følgende arbejdsopgaver:"). */
export const TASK_GROUPS_INTRO: KnownPassageId = 'hpi.4.arbejdsopgaver';
