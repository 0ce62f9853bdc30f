// saidwhat: a little progressive enhancement. The pages work without it; no inline script anywhere.
(function () {
  "use strict";
  // the stylesheet folds the phone menu and turns the statement panel into a bottom sheet only when
  // this script runs: without it the header wraps and the statements are listed under the text
  document.documentElement.classList.add("js");

  var hint = null;
  var opener = null;   // the statement element the sheet was opened from (focus returns there)

  function narrow() { return window.matchMedia("(max-width: 1000px)").matches; }

  function clearSelection() {
    var detail = document.getElementById("detail");
    if (!detail) return;
    detail.replaceChildren(hint);
    detail.classList.remove("has-selection");
    document.body.classList.remove("sheet-open");
    document.querySelectorAll("[data-st].sel").forEach(function (el) { el.classList.remove("sel"); });
    document.querySelectorAll(".card.active").forEach(function (el) { el.classList.remove("active"); });
    if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
    opener = null;
  }

  // on a phone the panel is a sheet over the bottom of the screen: keep the tapped words above it
  function keepAboveSheet(el, detail) {
    if (!el || !narrow()) return;
    var sheetTop = window.innerHeight - detail.offsetHeight;
    var r = el.getBoundingClientRect();
    var header = document.querySelector(".top");
    var headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    if (r.bottom > sheetTop - 8) {
      var by = Math.min(r.bottom - sheetTop + 24, r.top - headerBottom - 8);
      if (by > 0) window.scrollBy({ top: by, behavior: "smooth" });
    }
  }

  function selectStatement(id, scroll, from, keyboard) {
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
    close.setAttribute("aria-label", "close the statement");
    close.textContent = "×";
    close.addEventListener("click", clearSelection);
    copy.prepend(close);
    detail.replaceChildren(copy);
    detail.classList.add("has-selection");
    opener = from || null;
    if (narrow()) document.body.classList.add("sheet-open");
    var first = document.querySelector('.text [data-st="' + CSS.escape(id) + '"]');
    if (scroll) {
      if (first) first.scrollIntoView({ block: narrow() ? "start" : "center", behavior: "smooth" });
    } else {
      keepAboveSheet(from, detail);
    }
    if (keyboard) close.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, "", "#st-" + id);
  }

  function setUpReader() {
    var detail = document.getElementById("detail");
    var text = document.getElementById("article-text");
    if (!detail || !text) return;
    hint = detail.firstElementChild;
    text.addEventListener("click", function (ev) {
      var el = ev.target.closest("[data-st]");
      if (el) selectStatement(el.getAttribute("data-st"), false, el.closest(".q") || el, false);
    });
    text.addEventListener("keydown", function (ev) {
      var el = ev.target.closest("[data-st]");
      if (el && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        selectStatement(el.getAttribute("data-st"), false, el, true);
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && detail.classList.contains("has-selection")) clearSelection();
    });
    text.querySelectorAll(".q").forEach(function (el) { el.tabIndex = 0; el.setAttribute("role", "button"); });
    document.querySelectorAll(".all-statements .card").forEach(function (card) {
      card.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) return;
        selectStatement(card.getAttribute("data-card"), true, null, false);
      });
    });
    var m = /^#st-(.+)$/.exec(location.hash);
    if (m) selectStatement(decodeURIComponent(m[1]), true, null, false);
  }

  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var header = document.querySelector(".top");
    if (!toggle || !header) return;
    toggle.addEventListener("click", function () {
      var open = header.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && header.classList.contains("open")) {
        header.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  // adding an article takes seconds (the analysis): say so, and count them
  function setUpAddForm() {
    var form = document.getElementById("add-form");
    if (!form) return;
    var btn = document.getElementById("add-submit");
    var busy = form.querySelector(".busy");
    var status = form.querySelector(".busy-status");
    var timer = null;
    form.addEventListener("submit", function () {
      if (btn) { btn.disabled = true; btn.textContent = "Analysing…"; }
      if (busy) busy.hidden = false;
      var started = Date.now();
      timer = window.setInterval(function () {
        if (status) status.textContent = "Analysing the article… " + Math.round((Date.now() - started) / 1000) + " s";
      }, 1000);
      form.setAttribute("aria-busy", "true");
    });
    // back to the form from the article (bfcache): the button works again
    window.addEventListener("pageshow", function () {
      if (timer) window.clearInterval(timer);
      if (btn) { btn.disabled = false; btn.textContent = "Analyse and add"; }
      if (busy) busy.hidden = true;
      form.removeAttribute("aria-busy");
    });
  }

  // a box that scrolls sideways on a narrow screen (a wide table, a chart) can be scrolled from the
  // keyboard: it takes the focus when nothing inside it can
  function focusableScrollers() {
    document.querySelectorAll("main table, main pre, .chart-scroll, .matrix-wrap, figure").forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex") && !el.querySelector("a, button, input, select, textarea")) {
        el.tabIndex = 0;
      }
    });
  }

  // the statements browser's facets: beside the results on a wide screen, folded under a
  // "Narrow by" summary above them on a phone (without this script they are simply listed)
  function foldFacets() {
    if (!narrow()) return;
    document.querySelectorAll("details.facet-panel[open]").forEach(function (el) { el.open = false; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldFacets();
    focusableScrollers();
    setUpMenu();
    setUpReader();
    setUpAddForm();
  });
})();
