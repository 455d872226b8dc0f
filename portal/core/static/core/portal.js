/* Starts DKFDS components on the page and again on content swapped in by htmx. */
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) { window.DKFDS.init(); }
});
document.addEventListener("htmx:afterSettle", function (event) {
  if (window.DKFDS) { window.DKFDS.init({ scope: event.target }); }
});
