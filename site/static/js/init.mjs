// Start GOV.UK Frontend. Load with:
//   <script type="module" src="{% static 'js/init.mjs' %}"></script>
//
// This replaces the inline script in GOV.UK Frontend's page template, which
// our Content-Security-Policy forbids (no inline scripts). Only browsers that
// support ES modules run this file, so all of them get
// `govuk-frontend-supported` (the inline script tests for `noModule` support
// to decide the same thing).
//
// The static import below is fetched first but govuk-frontend.min.js has no
// side effects when loaded: it only checks for `govuk-frontend-supported`
// when initAll() is called, which happens after the classes are added.
import { initAll } from './govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');

initAll();
