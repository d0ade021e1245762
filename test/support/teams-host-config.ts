/**
 * A host config close to the Teams light theme (fonts, sizes, colours, container styles),
 * so the browser render and the screenshots look like what a caseworker sees in Teams.
 */
/** Teams keeps text colours the same on every container background; only the background changes. */
const FOREGROUND = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#252423', subtle: '#484644' },
  light: { default: '#FFFFFF', subtle: '#FFFFFF' },
  accent: { default: '#5B5FC7', subtle: '#444791' },
  good: { default: '#0E700E', subtle: '#0E700E' },
  warning: { default: '#835B00', subtle: '#835B00' },
  attention: { default: '#C4314B', subtle: '#A4262C' },
};

export const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: FOREGROUND },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: FOREGROUND },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: FOREGROUND },
    good: { backgroundColor: '#F1FAF1', foregroundColors: FOREGROUND },
    warning: { backgroundColor: '#FFF9F5', foregroundColors: FOREGROUND },
    attention: { backgroundColor: '#FDF3F4', foregroundColors: FOREGROUND },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: { label: { requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' }, optionalInputs: { weight: 'bolder' } }, errorMessage: { size: 'small', color: 'attention' } },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 180 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 2 },
};

/** Button and input styling in the spirit of Teams' Fluent UI; the renderer only emits class names. */
export const TEAMS_CSS = `
  body { margin: 0; background: #F5F5F5; font-family: 'Segoe UI', -apple-system, Roboto, 'Helvetica Neue', sans-serif; }
  #host { width: 560px; margin: 16px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1;
    border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive, .ac-pushButton.primary { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-pushButton.expanded { background: #E8EBFA; border-color: #5B5FC7; }
  .ac-input { font-family: inherit; font-size: 14px; }
  .ac-choiceSetInput-compact { font-family: inherit; font-size: 14px; color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; min-height: 32px; width: 100%; }
  .ac-textInput, .ac-numberInput, .ac-dateInput { border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; min-height: 32px; box-sizing: border-box; width: 100%; }
  .ac-choiceSetInput-expanded label, .ac-choiceSetInput-multiSelect label { font-size: 14px; color: #242424; }
  .ac-choiceSetInput-expanded input, .ac-choiceSetInput-multiSelect input { accent-color: #5B5FC7; margin: 3px 8px 3px 0; }
  .ac-input-validation-failed { border-color: #C4314B !important; }
`;
