import { api } from '../api.js';
import { announce, formatDate, h, show } from '../dom.js';
import { postEventStream } from '../stream.js';
import { pageLink } from './document.js';

export async function renderAsk(content, { caseItem, itemId: conversationId, signal }) {
  const conversations = await api(`/api/cases/${caseItem.id}/conversations`, { signal });
  let conversation = conversationId ? await api(`/api/conversations/${conversationId}`, { signal }) : null;

  const thread = h('ol', { class: 'thread', 'aria-label': 'Questions and answers' });
  const title = h('h2', {}, conversation?.title ?? 'New conversation');
  const list = h('ul', {}, conversations.map(c => conversationLink(caseItem, c, conversation)));
  const question = h('textarea', { id: 'question', name: 'question', rows: 3, required: true, maxlength: 2000, placeholder: 'Why did the court find the plea voluntary?' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Ask');
  const form = h('form', { class: 'ask-form', 'aria-label': 'Ask a question' },
    h('label', { for: 'question' }, 'Question'), question, submit);
  show(content, h('div', { class: 'ask-layout' },
    h('nav', { class: 'conversations', 'aria-label': 'Conversations' },
      h('h2', {}, 'Conversations'),
      h('a', { href: `#/cases/${caseItem.id}/ask`, class: 'button' }, 'New conversation'),
      list),
    h('div', { class: 'conversation' },
      title,
      thread,
      form)));
  conversation?.turns.forEach((turn, i) => thread.append(turnView(i + 1, turn.question, turn)));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    submit.disabled = true;
    try {
      if (!conversation) {
        conversation = await api(`/api/cases/${caseItem.id}/conversations`, { method: 'POST', json: { title: text.slice(0, 120) }, signal });
        // Kept in the address without re-rendering the screen (no hashchange), so a reload resumes it.
        history.replaceState(null, '', `#/cases/${caseItem.id}/ask/${conversation.id}`);
        show(title, conversation.title);
        list.prepend(conversationLink(caseItem, conversation, conversation));
      }
      const turn = turnView(thread.children.length + 1, text, null);
      thread.append(turn);
      question.value = '';
      await streamAnswer(caseItem.id, text, conversation.id, turn, signal);
    } finally {
      submit.disabled = false;
    }
  });
  question.focus();
}

const conversationLink = (caseItem, c, current) => h('li', {},
  h('a', { href: `#/cases/${caseItem.id}/ask/${c.id}`, 'aria-current': c.id === current?.id ? 'page' : null }, c.title),
  h('span', { class: 'muted' }, ` ${formatDate(c.updatedAt)}`));

async function streamAnswer(caseId, text, conversationId, turn, signal) {
  const answer = turn.querySelector('.answer');
  answer.setAttribute('aria-busy', 'true');
  let streamed = '';
  await postEventStream(`/api/cases/${caseId}/ask/stream`, { question: text, conversationId }, (name, data) => {
    if (name === 'delta') {
      streamed += data;
      show(answer, streamed);
    } else if (name === 'answer') {
      turn.replaceWith(turnView(Number(turn.dataset.number), text, data));
      announce(data.answered ? 'The answer is ready.' : 'The documents do not answer this question.');
    }
  }, signal);
}

/** A question and its answer; each [n] of the answer shows its quoted passage, which opens the page. */
function turnView(number, question, answered) {
  const references = new Map((answered?.references ?? []).toSorted((a, b) => a.number - b.number).map(r => [r.number, r]));
  const quotes = h('ol', { class: 'references', 'aria-label': `Sources of answer ${number}` },
    [...references.values()].map(r => h('li', { id: `turn-${number}-ref-${r.number}`, tabindex: -1, class: 'reference', dataset: { number: r.number } },
      h('span', { class: 'ref-number' }, `[${r.number}]`), ' ',
      h('a', { href: `#/documents/${r.documentId}` }, r.documentName), ' · ',
      pageLink(r.documentId, r.pageStart, r.pageStart === r.pageEnd ? `p. ${r.pageStart}` : `pp. ${r.pageStart}–${r.pageEnd}`),
      h('blockquote', {}, r.quote))));
  const answer = h('p', { class: 'answer', 'data-testid': 'answer' }, answered ? linked(answered.answer, references, number) : '');
  return h('li', { class: 'turn', dataset: { number } },
    h('p', { class: 'question' }, h('strong', {}, 'Q: '), question),
    answer,
    answered && !answered.answered ? h('p', { class: 'muted' }, 'Not answered from the documents.') : null,
    quotes);
}

function linked(text, references, number) {
  return text.split(/(\[\d+\])/).map(part => {
    const reference = references.get(Number(/^\[(\d+)\]$/.exec(part)?.[1]));
    if (!reference) return part;
    return h('button', {
      type: 'button',
      class: 'ref-link',
      'aria-label': `Source ${reference.number}: ${reference.documentName}, page ${reference.pageStart}`,
      onclick: () => {
        const target = document.getElementById(`turn-${number}-ref-${reference.number}`);
        target.classList.add('shown');
        target.focus();
      },
    }, part);
  });
}
