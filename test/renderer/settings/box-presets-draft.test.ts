import { describe, expect, it } from 'vitest';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import { BoxPresets } from '../../../shared/domain/box-presets';
import {
  addBox,
  boxDraftsFrom,
  boxPresetsFromDraft,
  moveBox,
  removeBox,
  restoreBox,
  type BoxDraft,
} from '../../../renderer/settings/box-presets-draft';
import {
  boxProblems,
  draftFromSettings,
  fieldProblemsFrom,
  patchFromDraft,
  summarizeProblems,
} from '../../../renderer/settings/settings-draft';
import { DEFAULT_SETTINGS } from '../../../electron/station/settings/defaults';
import type { PublicSettings } from '../../../shared/domain/settings';

const saved: BoxPreset[] = [
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 0.6, unit: 'lb' } },
  { id: 'small', name: 'Small', dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, tareWeight: { value: 0.3, unit: 'lb' } },
];

const names = (boxes: BoxDraft[]) => boxes.map((b) => b.name);

describe('box presets in the Settings form', () => {
  it('round-trips saved boxes unchanged, in their order', () => {
    expect(boxPresetsFromDraft(boxDraftsFrom(saved))).toEqual({ presets: saved, errors: [] });
  });

  it('adds a box named in sequence and sized like the last, with an ID from its name that no other box has or had', () => {
    let boxes = addBox(boxDraftsFrom(saved));
    expect(boxes.at(-1)).toMatchObject({ name: 'Box 3', savedId: null, width: '8', tare: '0.3' });
    boxes = boxes.map((b) => (b.savedId === null ? { ...b, name: ' Medium ' } : b));
    // "medium" is taken, and so is "medium-2" by a box removed while the form was open.
    const { presets } = boxPresetsFromDraft(boxes, ['medium-2']);
    expect(presets.map((p) => [p.id, p.name])).toEqual([
      ['medium', 'Medium'],
      ['small', 'Small'],
      ['medium-3', 'Medium'],
    ]);
    // The same name twice is for the station to refuse, on the name of the second box.
    const refused = BoxPresets.safeParse(presets);
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['2.name', 'Two boxes are called "Medium": give each its own name'],
    ]);
  });

  it('moves a box up and down, never past either end', () => {
    const boxes = boxDraftsFrom(saved);
    expect(names(moveBox(boxes, 'small', -1))).toEqual(['Small', 'Medium']);
    expect(names(moveBox(boxes, 'small', 1))).toEqual(['Medium', 'Small']);
    expect(names(moveBox(boxes, 'medium', -1))).toEqual(['Medium', 'Small']);
  });

  it('removes a box but never the last, and Undo puts it back in its place', () => {
    const boxes = boxDraftsFrom(saved);
    const without = removeBox(boxes, 'medium');
    expect(names(without)).toEqual(['Small']);
    expect(names(removeBox(without, 'small'))).toEqual(['Small']);
    expect(names(restoreBox(without, boxes[0]!, 0))).toEqual(['Medium', 'Small']);
  });

  it('says which box has a number that is not a number instead of sending NaN', () => {
    const boxes = boxDraftsFrom(saved).map((b, i) => (i === 1 ? { ...b, depth: 'four', tare: '0,25' } : b));
    const { presets, errors } = boxPresetsFromDraft(boxes);
    expect(errors).toEqual(['Box 2 “Small”: depth must be a number.']);
    expect(presets[1]!.tareWeight).toEqual({ value: 0.25, unit: 'lb' });
  });

  it('puts the station’s refusals on the box and field they are about', () => {
    const problems = fieldProblemsFrom({
      'boxPresets.1.name': ['Two boxes are called "Medium": give each its own name'],
      'boxPresets.0.dimension.width': ['Width must be more than 0'],
      'boxPresets.0.tareWeight.value': ['Weight must be more than 0'],
      'packing.maxUnitsPerBox': ['At least 1 unit'],
    });
    expect(boxProblems(problems, 1)).toEqual(['Two boxes are called "Medium": give each its own name']);
    expect(boxProblems(problems, 0)).toEqual(['Width must be more than 0', 'Empty weight must be more than 0']);
    expect(problems.filter((p) => p.boxIndex === 1).map((p) => p.text)).toEqual([
      'Box 2: Two boxes are called "Medium": give each its own name',
    ]);
    expect(summarizeProblems(problems, [])).toContain('Units in one box: At least 1 unit');
  });
});

describe('the rule for one box in the Settings form', () => {
  const settings: PublicSettings = {
    ...DEFAULT_SETTINGS,
    boxPresets: saved,
    secrets: { aftershipApiKey: false, tiktokAppSecret: false, shipiumApiKey: false, shopifyAdminToken: false },
    tiktokAuthorization: { authorized: false, accessTokenExpiresAt: null, shopName: null },
    lockedByEnv: [],
  };

  it('sends whole units, and leaves the rule out when the environment sets it', () => {
    const base = draftFromSettings(settings);
    expect(patchFromDraft({ ...base, maxUnitsPerBox: ' 6 ' }, []).patch.packing).toEqual({ maxUnitsPerBox: 6, checkItems: false });
    expect(patchFromDraft({ ...base, maxUnitsPerBox: '2.5' }, []).errors).toEqual(['Units in one box must be a whole number.']);
    const locked = [{ field: 'packing.maxUnitsPerBox', variable: 'LABEL_STATION_MAX_UNITS_PER_BOX' }];
    expect(patchFromDraft(base, locked).patch.packing).not.toHaveProperty('maxUnitsPerBox');
    expect(patchFromDraft(base, locked).patch.boxPresets).toEqual(saved);
  });
});
