// Which PolNeAR train articles the name tagger learns from and which it is judged on: one
// article in five, chosen by a hash of its id, is held out. By article, so that no name
// is seen in training and again in the held-out text of the same story; by hash of the
// id, so that the split does not change when the file's order does.
const HELD_OUT_ONE_IN = 5;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const isHeldOut = (articleId: string) => fnv1a(articleId) % HELD_OUT_ONE_IN === 0;
