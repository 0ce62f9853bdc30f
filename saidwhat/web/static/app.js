// saidwhat: a little progressive enhancement. The pages work without it; no inline script anywhere.
(function () {
  "use strict";

  function selectStatement(id, scroll) {
    var card = document.getElementById("st-" + id);
    var detail = document.getElementById("detail");
    if (!card || !detail) return;
    document.querySelectorAll("[data-st].sel").forEach(function (el) { el.classList.remove("sel"); });
    document.querySelectorAll(".card.active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll('[data-st="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("sel"); });
    card.classList.add("active");
    var copy = card.cloneNode(true);   // a copy of server-rendered, escaped markup: no HTML strings built here
    copy.removeAttribute("id");
    copy.classList.add("selected-card");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "close");
    close.textContent = "×";
    close.addEventListener("click", function () {
      detail.replaceChildren(hint);
      document.querySelectorAll("[data-st].sel").forEach(function (el) { el.classList.remove("sel"); });
      card.classList.remove("active");
    });
    copy.prepend(close);
    detail.replaceChildren(copy);
    detail.classList.add("has-selection");
    if (scroll) {
      var first = document.querySelector('.text [data-st="' + CSS.escape(id) + '"]');
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    if (history.replaceState) history.replaceState(null, "", "#st-" + id);
  }

  var hint = null;

  document.addEventListener("DOMContentLoaded", function () {
    var detail = document.getElementById("detail");
    if (detail) hint = detail.firstElementChild;
    var text = document.getElementById("article-text");
    if (text) {
      text.addEventListener("click", function (ev) {
        var el = ev.target.closest("[data-st]");
        if (el) selectStatement(el.getAttribute("data-st"), false);
      });
      text.addEventListener("keydown", function (ev) {
        var el = ev.target.closest("[data-st]");
        if (el && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); selectStatement(el.getAttribute("data-st"), false); }
      });
      text.querySelectorAll(".q").forEach(function (el) { el.tabIndex = 0; el.setAttribute("role", "button"); });
      document.querySelectorAll(".all-statements .card").forEach(function (card) {
        card.addEventListener("click", function (ev) {
          if (ev.target.closest("a")) return;
          selectStatement(card.getAttribute("data-card"), true);
        });
      });
      var m = /^#st-(.+)$/.exec(location.hash);
      if (m) selectStatement(decodeURIComponent(m[1]), true);
    }
    var form = document.getElementById("add-form");
    if (form) {
      form.addEventListener("submit", function () {
        var btn = document.getElementById("add-submit");
        if (btn) btn.disabled = true;
        var busy = form.querySelector(".busy");
        if (busy) busy.hidden = false;
      });
    }
  });
})();
