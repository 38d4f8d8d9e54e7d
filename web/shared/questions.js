// Predict, then check: questions that ask the reader to commit to an answer before the page
// shows it. One list per panel (web/panels/<id>/questions.js), each question
//   { id, prompt, choices: [{ id, text }],
//     state: the part of the panel's state that shows why (set once the reader has answered),
//     shows: the id of the chart that shows it,
//     answer(core) → { choice: the right choice's id, why: the reason, with live numbers } }
// The answer is judged from the core's numbers at the moment the reader checks, never from a
// typed key, so a question cannot disagree with the charts. Nothing leaves the page.
//
// Markup (web/site/questions.html, the last part of a panel's <main>): the section
// [data-hide="questions"] holds one form per question, with hooks for tests and embedders:
//   form[data-question=id] > input[data-choice=id], button[data-check],
//   [data-verdict][data-correct=true|false], button[data-show-why], button[data-retry]
// A link to page.html#question-<id> scrolls to that question.
import { revealScene } from './scenes.js';

function element(doc, tag, attributes = {}, text = '') {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function questionForm(doc, question, index, count) {
  const form = element(doc, 'form', {
    class: 'question',
    id: `question-${question.id}`,
    'data-question': question.id,
  });
  const fieldset = element(doc, 'fieldset');
  const legend = element(doc, 'legend');
  legend.append(
    element(doc, 'span', { class: 'question-number' }, `Question ${index + 1} of ${count}`),
    doc.createTextNode(question.prompt),
  );
  const choices = element(doc, 'div', { class: 'question-choices' });
  for (const choice of question.choices) {
    const label = element(doc, 'label', { class: 'question-choice' });
    const input = element(doc, 'input', {
      type: 'radio',
      name: `question-${question.id}`,
      value: choice.id,
      'data-choice': choice.id,
    });
    label.append(input, element(doc, 'span', {}, choice.text));
    choices.append(label);
  }
  fieldset.append(legend, choices);
  const buttons = element(doc, 'div', { class: 'button-row' });
  buttons.append(element(doc, 'button', { type: 'submit', 'data-check': '' }, 'Check my answer'));
  const verdict = element(doc, 'div', { class: 'question-verdict', 'data-verdict': '' });
  verdict.setAttribute('role', 'status');
  form.append(fieldset, buttons, verdict);
  return form;
}

/** Shows the verdict of one answered question and sets the state that shows why. */
async function check(form, question, { core, show, root, host }) {
  const verdict = form.querySelector('[data-verdict]');
  const chosen = form.querySelector('input[data-choice]:checked');
  verdict.replaceChildren();
  delete verdict.dataset.correct;
  if (!chosen) {
    verdict.textContent = 'Pick one of the answers first: the point is to commit before you look.';
    return;
  }
  let answer;
  try {
    answer = question.answer(core);
  } catch (error) {
    verdict.textContent = `This answer could not be computed (${error.message}).`;
    return;
  }
  const correct = chosen.value === answer.choice;
  verdict.dataset.correct = String(correct);
  const right = question.choices.find((choice) => choice.id === answer.choice);
  const lead = correct ? 'Right. ' : `Not quite: the answer is “${right?.text ?? answer.choice}”. `;
  const text = element(form.ownerDocument, 'p');
  text.append(element(form.ownerDocument, 'strong', {}, lead), answer.why);
  const doc = form.ownerDocument;
  const showWhy = element(
    doc,
    'button',
    { type: 'button', 'data-show-why': '' },
    'See it on the chart',
  );
  const retry = element(doc, 'button', { type: 'button', 'data-retry': '' }, 'Ask me again');
  const buttons = element(doc, 'div', { class: 'button-row' });
  buttons.append(showWhy, retry);
  verdict.append(text, buttons);
  for (const input of form.querySelectorAll('input[data-choice]')) {
    input.disabled = true;
    input.closest('label').dataset.mark =
      input.value === answer.choice ? 'answer' : input === chosen ? 'wrong' : '';
  }
  form.querySelector('[data-check]').hidden = true;
  showWhy.addEventListener('click', () => revealScene(root, question, host));
  retry.addEventListener('click', () => reopen(form));
  await show(structuredClone(question.state));
}

function reopen(form) {
  for (const input of form.querySelectorAll('input[data-choice]')) {
    input.disabled = false;
    input.checked = false;
    delete input.closest('label').dataset.mark;
  }
  const verdict = form.querySelector('[data-verdict]');
  verdict.replaceChildren();
  delete verdict.dataset.correct;
  form.querySelector('[data-check]').hidden = false;
  form.querySelector('input[data-choice]')?.focus();
}

/**
 * Writes a panel's questions into its questions section and wires them.
 * @param {Document|ShadowRoot} root
 * @param {object[]} questions  the panel's list (may be empty: the section is then hidden)
 * @param {{core: object, show: (patch: object) => unknown, host: object}} env
 */
export function mountQuestions(root, questions, { core, show, host }) {
  const section = /** @type {HTMLElement | null} */ (root.querySelector('[data-hide="questions"]'));
  if (!section || section.hidden) return;
  const list = section.querySelector('[data-questions]');
  if (!questions?.length || !list) {
    section.hidden = true;
    return;
  }
  const doc = root.ownerDocument ?? root;
  list.replaceChildren(
    ...questions.map((question, index) => {
      const form = questionForm(doc, question, index, questions.length);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        check(form, question, { core, show, root, host });
      });
      return form;
    }),
  );
  const linked = /^#question-/.test(host.hash ?? '')
    ? root.getElementById(host.hash.slice(1))
    : null;
  linked?.scrollIntoView({ block: 'start' });
}
