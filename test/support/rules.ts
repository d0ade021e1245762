import { standardRules } from '../../bot/rules-binding.js';
import type { IntakeFigures } from '../../bot/intake/steps.js';

/** The interview's figures with the standard's own parameter set, for tests that configure none. */
export const STANDARD_INTAKE_FIGURES: IntakeFigures = standardRules('t').intakeFigures('2026-01-01');
