// dyad dashboard: the only script. Clicking a record in the article reader's side panel
// outlines every stretch of text that belongs to it and scrolls to the first one.
"use strict";
document.addEventListener("click", (event) => {
  const item = event.target.closest("ol.records li[data-key]");
  if (!item || event.target.closest("a:not(.jump)")) return;
  const key = item.dataset.key;
  document.querySelectorAll("mark.hl.on").forEach((m) => m.classList.remove("on"));
  document.querySelectorAll("ol.records li.on").forEach((li) => li.classList.remove("on"));
  const marks = [...document.querySelectorAll("mark.hl[data-keys]")]
    .filter((m) => m.dataset.keys.split(" ").includes(key));
  marks.forEach((m) => m.classList.add("on"));
  item.classList.add("on");
  if (marks.length) {
    event.preventDefault();
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
  }
});
