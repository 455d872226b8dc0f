/* A link to a post on another page of its thread.
 *
 * Links made before threads had pages (emails, bookmarks, the search index until it is rebuilt)
 * point at the thread with "#post-<id>". When that post is not on the page shown, the portal's
 * link to the post (forum:post_detail, the script tag's data-post-url with 987654321 in place of
 * the id) leads to the page that holds it. Without JavaScript the first page is shown.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var match = /^#post-(\d+)$/.exec(window.location.hash);
  if (!script || !match) { return; }
  function go() {
    if (document.getElementById("post-" + match[1])) { return; }
    window.location.replace(script.dataset.postUrl.replace("987654321", match[1]));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", go);
  } else {
    go();
  }
})();
