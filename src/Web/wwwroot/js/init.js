import { initAll as initGovUk } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj-frontend/moj-frontend.min.js'

initGovUk()
initMoj()
