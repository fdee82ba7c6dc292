// The offer dashboard's live update: while the page is open and visible it fetches the
// figures every 15 seconds and writes them into the page. The summary sentence is a polite
// live region, so a screen reader hears it only when the figures change. Without script the
// page shows the figures as they were when it was opened.
(function () {
  "use strict";
  var page = document.getElementById("offer-dashboard");
  if (!page || !window.fetch) { return; }
  var url = page.getAttribute("data-live");
  var set = function (id, text) {
    var el = document.getElementById(id);
    if (el && el.textContent !== String(text)) { el.textContent = text; }
  };
  var width = function (id, percent) {
    var el = document.getElementById(id);
    if (el) { el.setAttribute("width", percent); }
  };
  var update = function () {
    if (document.visibilityState !== "visible") { return; }
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { return; }
        set("n-yes", d.yes);
        set("n-no", d.no);
        set("n-open", d.not_answered);
        set("share-pop", d.share_population);
        set("share-mun", d.share_municipalities);
        set("t-share-pop", d.share_population);
        set("t-share-mun", d.share_municipalities);
        width("bar-pop", d.bar_population);
        width("bar-mun", d.bar_municipalities);
        set("summary", d.summary);
        set("updated", d.updated);
      })
      .catch(function () { /* the next poll tries again */ });
  };
  window.setInterval(update, 15000);
  document.addEventListener("visibilitychange", update);
})();
