// Highlights the page's links and adds their number to the total kept in chrome.storage.local.
const links = document.querySelectorAll('a[href]');
links.forEach((link) => link.classList.add('link-counter-seen'));
chrome.storage.local.get({ linksSeen: 0 }).then((stored) => {
  const total = stored.linksSeen + links.length;
  return chrome.storage.local.set({ linksSeen: total, lastPage: location.href }).then(() => {
    document.documentElement.dataset.linkCounter = links.length + '/' + total;
  });
});
