// The parent-side snippet of docs/embedding.md: loads the assistant in its iframe (passing on
// this page's query, e.g. ?lang=fr) and grows the iframe with the height the assistant posts
// as { type: "mailsetup:height", height }.
const frame = document.getElementById('mailsetup');
const extra = location.search.slice(1);
frame.src = frame.dataset.src + (extra ? `&${extra}` : '');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.data?.type !== 'mailsetup:height') return;
  frame.style.height = `${Math.ceil(event.data.height)}px`;
});
