import { initAll as initGovUk } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj-frontend/moj-frontend.min.js'

initGovUk()
initMoj()

// Conditional reveals (GovUkRadiosTagHelper.ItemReveals): a block of questions shows while a radio that reveals it is
// chosen (a radio may reveal several blocks, its data-cm-reveal listing their ids). When it hides after a change its answers are cleared, so no answer to a question that does not apply is
// sent. A block holding an error stays shown. Without JavaScript every block shows (site.css).
for (const group of document.querySelectorAll('[data-cm-reveals]')) {
  const radios = [...group.querySelectorAll('input[type="radio"]')]
  const blocks = group.dataset.cmReveals.split(' ').map(id => document.getElementById(id)).filter(block => block !== null)
  const sync = (clear) => {
    for (const block of blocks) {
      const shown = radios.some(radio => radio.checked && (radio.dataset.cmReveal ?? '').split(' ').includes(block.id)) ||
        (!clear && block.querySelector('.govuk-form-group--error') !== null)
      if (!shown && clear) {
        for (const input of block.querySelectorAll('input, select, textarea')) {
          if (input.type === 'radio' || input.type === 'checkbox') {
            input.checked = false
          } else {
            input.value = ''
          }
        }
      }
      block.classList.toggle('cm-conditional--hidden', !shown)
    }
  }
  for (const radio of radios) {
    radio.addEventListener('change', () => sync(true))
  }
  sync(false)
}
