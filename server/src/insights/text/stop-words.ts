// Stop words, already accent-folded (see fold.ts), so one set serves text
// typed with or without Vietnamese diacritics. Only unambiguous function
// words: a folded syllable that is also a content word ("de" = để / dễ,
// "ban" = bạn / bán, "moi" = mỗi / mới, "ve" = về / vé) stays, as do words
// that carry meaning in a customer's mouth ("không", "hơn", "rẻ", "chờ");
// IDF weighs the frequent ones down anyway.

const VI = `
va voi cua la co cac nhung mot nay kia day thi duoc bi boi trong tren
duoi tai den vao len xuong nen neu hoac cung nhu khi luc roi lai chi
rat lam nua vay nao gi ai dau sao oi nhe nha ha ah toi minh chung em
nguoi cai chiec theo nhau truoc giua
`;

const EN = `
a an the and or but if then else of to in on at by for with from into onto
about as is are was were be been being am do does did done have has had having
it its this that these those there here i me my we our you your he him his she
her they them their what which who whom whose when where why how all any both
each few more most other some such no nor not only own same so than too very
can will just should would could may might must shall also up down out over
under again further once off s t don isn doesn didn wasn weren per via etc
`;

const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);

/** Folded stop words, Vietnamese and English together. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...words(VI), ...words(EN)]);
