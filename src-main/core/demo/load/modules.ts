// The training modules, and the teaching notes of three of them.
import { attachMaterialInput, moduleFields } from '../../../contract';
import * as modules from '../../modules/service';
import { MODULES, type ModuleKey } from '../content';
import { parse, textDocument, type Demo } from './context';

export function loadModules({ at, day, moduleIds }: Demo) {
  for (const [key, fields] of Object.entries(MODULES) as [ModuleKey, (typeof MODULES)[ModuleKey]][]) {
    moduleIds.set(key, modules.createModule(at(day(-350)), parse(moduleFields, fields)).id);
  }
  for (const key of ['planning', 'finance', 'genderBudget'] as const) {
    const m = MODULES[key];
    modules.attachMaterial(
      at(day(-345)),
      parse(attachMaterialInput, {
        id: moduleIds.get(key)!,
        document: textDocument(
          `Fiche pédagogique – ${m.title}.txt`,
          `${m.title}\n\nObjectifs : ${m.objectives}\nPublic : ${m.targetPublic}\nDurée : ${m.durationHours} heures\n\nDéroulé : apports, études de cas, travaux de groupe, plan de mise en pratique.\n`,
        ),
      }),
    );
  }
}
