import { h } from './dom.js';

/** Asks the user to confirm a destructive action in a modal dialog; resolves with the answer. */
export function confirmAction(message: string, action: string): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = h('button', { type: 'button', onClick: () => finish(false) }, 'Cancel');
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, action),
      h('p', {}, message),
      h(
        'div',
        { class: 'actions' },
        cancel,
        h('button', { type: 'button', class: 'danger', onClick: () => finish(true) }, action),
      ),
    );
    dialog.addEventListener('cancel', () => finish(false));
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
