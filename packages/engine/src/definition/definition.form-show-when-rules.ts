/**
 * The definition check of `showWhen` on the form's questions (form/form-show-when.ts), with the
 * payload rule's ideas (definition.show-when-rules.ts): a question depends on an EARLIER question
 * of the form (so never on itself or on a later one, and no chain can lead back to it) that is a
 * yes/no question or a choice list and is always asked (one step deep); the answers named are
 * some of its answers, each once. A list's own questions, and the questions the definition counts
 * on (the title, the activity's date, the budget), are always asked. Each refusal is a sentence
 * naming the questions by their labels and the answers by their words.
 */
import type { LocalizedText } from '../core/engine.types';
import { answerWords } from '../form/form-show-when';
import { bothLanguages } from './definition.house-rules';
import type { FormField, WorkflowDefinition } from './definition.schema';
import { either } from './payload-labels';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

const CODE = 'bad_form_rule';

/** The answers a question can have: yes and no, or its choices; undefined when not fixed. */
function answersOf(field: FormField): unknown[] | undefined {
  if (field.type === 'yesno') return [true, false];
  if (field.type === 'select') return field.options ?? [];
  return undefined;
}

/** The questions the definition counts on by key: they must always be asked. */
function countedOn(def: WorkflowDefinition): Set<string> {
  const form = def.form;
  return new Set(
    [form.titleField ?? 'title', form.activityDateField, form.requestedAmount?.list].filter(
      (k): k is string => k !== undefined,
    ),
  );
}

/** Checks every question's `showWhen`; a refusal passes its sentence to `add`. */
export function checkFormShowWhen(def: WorkflowDefinition, add: Add) {
  const fields = def.form.fields;
  const counted = countedOn(def);
  fields.forEach((field, i) => {
    if (field.type === 'list') {
      field.fields.forEach((sub, j) => {
        if (!sub.showWhen) return;
        const f = bothLanguages(sub.label, sub.key);
        const l = bothLanguages(field.label, field.key);
        add(`form.fields.${i}.fields.${j}.showWhen`, CODE, 'a list’s own field takes no showWhen', {
          nl: `De vraag ${f.nl} in de lijst ${l.nl} wordt op elke regel gevraagd en kan niet van een ander antwoord afhangen. Haal de voorwaarde weg.`,
          en: `The question ${f.en} in the list ${l.en} is asked on every line and cannot depend on another answer. Remove the condition.`,
        });
      });
    }
    const rule = field.showWhen;
    if (!rule) return;
    const path = `form.fields.${i}.showWhen`;
    const f = bothLanguages(field.label, field.key);
    const refuse = (at: string, message: string, nl: string, en: string) =>
      add(at, CODE, message, { nl, en });
    if (counted.has(field.key)) {
      refuse(
        path,
        `${field.key} is counted on by the definition and must always be asked`,
        `De vraag ${f.nl} is nodig voor de aanvraag zelf (de naam, de datum van de activiteit of de begroting) en wordt daarom altijd gevraagd. Haal de voorwaarde weg.`,
        `The question ${f.en} is needed for the application itself (its name, the date of the activity or the budget), so it is always asked. Remove the condition.`,
      );
    }
    const at = fields.findIndex((x) => x.key === rule.field);
    const target = fields[at];
    if (rule.field === field.key) {
      refuse(
        `${path}.field`,
        `${field.key} cannot depend on itself`,
        `De vraag ${f.nl} kan niet van haar eigen antwoord afhangen. Kies een eerdere ja/nee-vraag of keuzelijst.`,
        `The question ${f.en} cannot depend on its own answer. Choose an earlier yes/no question or choice list.`,
      );
      return;
    }
    if (!target) {
      refuse(
        `${path}.field`,
        `${rule.field} is not a field of the form`,
        `De vraag ${f.nl} hangt af van ${rule.field}, maar het formulier heeft die vraag niet. Kies een eerdere ja/nee-vraag of keuzelijst.`,
        `The question ${f.en} depends on ${rule.field}, but the form has no such question. Choose an earlier yes/no question or choice list.`,
      );
      return;
    }
    const t = bothLanguages(target.label, target.key);
    if (at > i) {
      refuse(
        `${path}.field`,
        `${rule.field} comes after ${field.key}`,
        `De vraag ${f.nl} hangt af van ${t.nl}, maar die vraag komt later op het formulier. Kies een eerdere vraag, of zet ${t.nl} eerder.`,
        `The question ${f.en} depends on ${t.en}, but that question comes later in the form. Choose an earlier question, or move ${t.en} up.`,
      );
    }
    if (target.showWhen) {
      refuse(
        `${path}.field`,
        `${rule.field} has showWhen itself`,
        `De vraag ${f.nl} hangt af van ${t.nl}, maar ${t.nl} wordt zelf ook alleen soms gevraagd. Kies een vraag die altijd gevraagd wordt.`,
        `The question ${f.en} depends on ${t.en}, but ${t.en} is itself only asked sometimes. Choose a question that is always asked.`,
      );
    }
    const answers = answersOf(target);
    if (!answers) {
      refuse(
        `${path}.field`,
        `${rule.field} is neither yesno nor select`,
        `De vraag ${f.nl} hangt af van ${t.nl}, maar die vraag heeft geen vaste antwoorden. Kies een ja/nee-vraag of een keuzelijst.`,
        `The question ${f.en} depends on ${t.en}, but that question has no fixed answers. Choose a yes/no question or a choice list.`,
      );
      return;
    }
    if (rule.in.length === 0 || new Set(rule.in).size !== rule.in.length) {
      refuse(
        `${path}.in`,
        'showWhen.in must list one or more different values',
        `Kies bij de vraag ${f.nl} een of meer antwoorden op ${t.nl} waarbij ze gevraagd wordt, elk antwoord één keer.`,
        `Choose for the question ${f.en} one or more answers to ${t.en} with which it is asked, each answer once.`,
      );
    }
    const all = either(answers.map((a) => answerWords(target, a)));
    rule.in.forEach((value, k) => {
      if (answers.some((a) => a === value)) return;
      refuse(
        `${path}.in.${k}`,
        `${JSON.stringify(value)} is not a value of ${rule.field}`,
        `De vraag ${f.nl} wordt gevraagd als het antwoord op ${t.nl} ${String(value)} is, maar ${t.nl} heeft dat antwoord niet. Kies uit ${all.nl}.`,
        `The question ${f.en} is asked when the answer to ${t.en} is ${String(value)}, but ${t.en} has no such answer. Choose from ${all.en}.`,
      );
    });
  });
}
