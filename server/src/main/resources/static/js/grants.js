// The portal's own script: progressive enhancement only (every page works without it).
// htmx sends the CSRF token of the page with every request it makes.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Forms marked data-warn-unsaved warn before the page is left with changes not yet saved;
// sending the form (any of its buttons) is saving, so it clears the mark.
(function () {
  var dirty = false;
  document.addEventListener('input', function (event) {
    if (event.target.closest && event.target.closest('form[data-warn-unsaved]')) {
      dirty = true;
    }
  });
  document.addEventListener('change', function (event) {
    if (event.target.closest && event.target.closest('form[data-warn-unsaved]')) {
      dirty = true;
    }
  });
  document.addEventListener('submit', function (event) {
    if (event.target.matches && event.target.matches('form[data-warn-unsaved]')) {
      dirty = false;
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
