// The sources panel: selecting a sentence highlights the scorecard items it came from.
document.addEventListener("click", (event) => {
  const sentence = event.target.closest(".sentence");
  if (!sentence) return;
  const refs = sentence.dataset.sources.trim().split(/\s+/).filter(Boolean);
  document.querySelectorAll(".sentence.active").forEach((el) => el.classList.remove("active"));
  sentence.classList.add("active");
  document.querySelectorAll(".items .item").forEach((item) => {
    const hit = refs.includes(item.dataset.ref) || refs.includes(item.dataset.scorecard);
    item.classList.toggle("highlight", hit);
  });
});
