/* Starts DKFDS components on the page and again on content swapped in by htmx. */
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) { window.DKFDS.init(); }
});
document.addEventListener("htmx:afterSettle", function (event) {
  if (window.DKFDS) {
    window.DKFDS.init({ scope: event.target });
    // DKFDS.init() sets up the header's navigation whatever the scope, adding another "Mere"
    // item to the desktop menu each time: keep the first, which its dropdown is bound to.
    document.querySelectorAll(".navigation-menu .mainmenu > li.more-option").forEach(function (item, index) {
      if (index > 0) { item.remove(); }
    });
  }
});
