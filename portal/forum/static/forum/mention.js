/* @mention autocomplete in the post editor: the ARIA combobox pattern on the textarea.
 *
 * Typing "@" and two letters asks forum:mention_suggestions (the textarea's data-mention-url,
 * with the thread of a reply from the nearest data-mention-thread) for at most 8 colleagues and
 * shows them as a listbox under the textarea. Arrow keys move through it (aria-activedescendant),
 * Enter or Tab puts "@handle " in place of what was typed, Escape closes it. The handle is the
 * one portal/forum/mentions.py parses: the email's part before "@", or the whole address.
 */
(function () {
  "use strict";
  // "@" not preceded by a word character, "@", "." or "/" (mentions.py's rule), then the letters
  // typed so far, up to the caret; Danish letters count, since people type names.
  var TYPED = /(?:^|[^\p{L}\p{N}_@./])@([\p{L}\p{N}][\p{L}\p{N}._%+\-@]*)$/u;
  var MIN_LETTERS = 2;
  var counter = 0;

  function setUp(textarea) {
    if (textarea.dataset.mentionReady) { return; }
    textarea.dataset.mentionReady = "1";
    counter += 1;
    var listId = "mention-listbox-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "mention-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", textarea.dataset.mentionLabel || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);
    textarea.setAttribute("role", "combobox");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listId);
    textarea.setAttribute("aria-expanded", "false");

    var people = [];
    var active = -1;
    var typed = null; // {start, end} of "@letters" in the text
    var timer = null;
    var asked = 0;
    var holder = textarea.closest("[data-mention-thread]");
    var thread = holder ? holder.dataset.mentionThread : "";

    function close() {
      people = [];
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      textarea.setAttribute("aria-expanded", "false");
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        textarea.setAttribute("aria-activedescendant", listId + "-" + index);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var person = people[index];
      if (!person || !typed) { return; }
      var text = textarea.value;
      var insert = "@" + person.handle + " ";
      textarea.value = text.slice(0, typed.start) + insert + text.slice(typed.end);
      var caret = typed.start + insert.length;
      textarea.setSelectionRange(caret, caret);
      close();
      textarea.focus();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function show(found) {
      people = found;
      list.replaceChildren();
      found.forEach(function (person, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "mention-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "mention-name";
        name.textContent = person.name;
        option.appendChild(name);
        if (person.organisation) {
          option.appendChild(document.createTextNode(", "));
          var organisation = document.createElement("span");
          organisation.className = "mention-organisation";
          organisation.textContent = person.organisation;
          option.appendChild(organisation);
        }
        // mousedown, not click: the textarea keeps the focus and the caret.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      var count = textarea.dataset.mentionCount || "";
      status.textContent = found.length ? count.replace("%(count)s", found.length) : "";
      if (!found.length) { close(); return; }
      list.hidden = false;
      textarea.setAttribute("aria-expanded", "true");
      highlight(-1);
    }

    function lookUp() {
      var before = textarea.value.slice(0, textarea.selectionStart);
      var match = TYPED.exec(before);
      if (!match || match[1].length < MIN_LETTERS || textarea.selectionStart !== textarea.selectionEnd) {
        typed = null;
        close();
        return;
      }
      typed = { start: before.length - match[1].length - 1, end: before.length };
      var query = match[1];
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = new URL(textarea.dataset.mentionUrl, window.location.href);
        url.searchParams.set("q", query);
        if (thread) { url.searchParams.set("thread", thread); }
        var ticket = ++asked;
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { people: [] }; })
          .then(function (data) { if (ticket === asked && typed) { show(data.people || []); } })
          .catch(function () { if (ticket === asked) { close(); } });
      }, 250);
    }

    textarea.addEventListener("input", lookUp);
    textarea.addEventListener("click", lookUp);
    textarea.addEventListener("blur", function () { setTimeout(close, 150); });
    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !people.length) { return; }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % people.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? people.length - 1 : active - 1);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("textarea[data-mention-url]").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { setUpAll(event.target); });
})();
