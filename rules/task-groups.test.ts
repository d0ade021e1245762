import { describe, expect, it } from 'vitest';
import { PASSAGES, passageById } from './passages/index.js';
import { FOCUS_POINTS, TASK_GROUPS, TASK_GROUPS_INTRO } from './task-groups.js';

describe('task groups', () => {
  it('are the model\'s three groups, each task citing a bullet printed under that group\'s heading', () => {
    expect(TASK_GROUPS.map((g) => g.id)).toEqual(['relations', 'wellbeing', 'daycare']);
    for (const g of TASK_GROUPS) {
      expect(g.titleEn.length, g.id).toBeGreaterThan(0);
      for (const t of g.tasks) expect(passageById(t.passage)?.heading, t.id).toBe(`4) Indhold og arbejdsopgaver › ${g.title}`);
    }
  });

  it('leave no task of the model out', () => {
    const modelTasks = PASSAGES.map((p) => p.id).filter((id) => /^hpi\.4\.(relationer|trivsel|dagtilbud)\./u.test(id));
    expect(TASK_GROUPS.flatMap((g) => g.tasks.map((t) => t.passage))).toEqual(modelTasks);
  });

  it('task ids are unique, so a case plan can store them', () => {
    const ids = TASK_GROUPS.flatMap((g) => g.tasks.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are introduced by the passage that says the support is based on them', () => {
    expect(passageById(TASK_GROUPS_INTRO)?.text).toMatch(/arbejdsopgaver:$/u);
  });
});

describe('focus points', () => {
  it('are the three numbered points of the model, quoted from their passage in order', () => {
    expect(FOCUS_POINTS).toHaveLength(3);
    let from = 0;
    FOCUS_POINTS.forEach((f, i) => {
      const text = passageById(f.passage)?.text ?? '';
      const at = text.indexOf(`${i + 1}. ${f.label}`, from);
      expect(at, f.id).toBeGreaterThanOrEqual(0);
      from = at;
      expect(f.labelEn.length).toBeGreaterThan(0);
    });
  });
});
