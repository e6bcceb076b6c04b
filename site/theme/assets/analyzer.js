// The search analysis of sijill, in the browser: a line-by-line port of the C++ text layer
// (src/text/normalize.cpp NormalizeForSearch, src/text/stem.cpp StemArabic and IsStopword) and
// of the site's tokenizer (src/site/search_terms.cpp), so a query typed on the static site
// makes exactly the terms the index was built with. tests/unit/site/search_parity_test.cpp runs
// both on the same words and requires identical terms: change them together.
(function (global) {
  "use strict";
  var TATWEEL = 0x0640, SHADDA = 0x0651;

  function isArabicMark(c) {
    return (c >= 0x064B && c <= 0x065F) || c === 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
  }
  function isInvisibleControl(c) {
    return c === 0x200C || c === 0x200D || c === 0x200E || c === 0x200F || c === 0x061C ||
        (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c === 0xFEFF;
  }
  function isArabicLetter(c) {
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
        (c >= 0x0671 && c <= 0x06D3) || c === 0x06D5;
  }
  function isAsciiAlnum(c) {
    return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39);
  }
  var FOLD = {
    0x0623: 0x0627, 0x0625: 0x0627, 0x0622: 0x0627, 0x0671: 0x0627,  // أ إ آ ٱ → ا
    0x0649: 0x064A, 0x06CC: 0x064A,                                  // ى ی → ي
    0x0629: 0x0647,                                                  // ة → ه
    0x0624: 0x0621, 0x0626: 0x0621,                                  // ؤ ئ → ء
    0x06A9: 0x0643,                                                  // ک → ك
    0x066A: 0x25                                                     // ٪ → %
  };
  // One code point of the letter folding; 0 drops it.
  function foldChar(c) {
    if (c === TATWEEL || isArabicMark(c) || isInvisibleControl(c)) return 0;
    if (FOLD.hasOwnProperty(c)) return FOLD[c];
    if (c >= 0x0660 && c <= 0x0669) return 0x30 + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return 0x30 + (c - 0x06F0);
    return c;
  }
  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length;) {
      var c = s.codePointAt(i);
      out.push(c);
      i += c > 0xFFFF ? 2 : 1;
    }
    return out;
  }
  function fromCodePoints(a) {
    var out = "";
    for (var i = 0; i < a.length; i += 4096)
      out += String.fromCodePoint.apply(null, a.slice(i, i + 4096));
    return out;
  }
  // CORPUS.md §2 A13 fragments: head + marks containing a shadda + tail, at a token start.
  var FRAGMENTS = [
    ["ت", "جار", "اتجار"], ["نظ", "مة", "منظمة"], ["نظ", "مه", "منظمة"], ["خد", "رات", "مخدرات"]
  ].map(function (f) { return [codePoints(f[0]), codePoints(f[1]), codePoints(f[2])]; });

  function startsAt(s, i, what) {
    if (i + what.length > s.length) return false;
    for (var k = 0; k < what.length; ++k) if (s[i + k] !== what[k]) return false;
    return true;
  }
  function matchFragment(s, i, f) {
    if (!startsAt(s, i, f[0])) return 0;
    var j = i + f[0].length, shadda = false;
    while (j < s.length && isArabicMark(s[j])) shadda = (s[j++] === SHADDA) || shadda;
    if (!shadda || !startsAt(s, j, f[1])) return 0;
    return j + f[1].length - i;
  }
  function mapFragments(s) {
    var out = [];
    for (var i = 0; i < s.length;) {
      var atTokenStart = i === 0 || !(isArabicLetter(s[i - 1]) || isArabicMark(s[i - 1]));
      var length = 0, hit = null;
      for (var k = 0; k < FRAGMENTS.length && atTokenStart; ++k) {
        length = matchFragment(s, i, FRAGMENTS[k]);
        if (length) { hit = FRAGMENTS[k]; break; }
      }
      if (!hit) { out.push(s[i++]); continue; }
      Array.prototype.push.apply(out, hit[2]);
      i += length;
      if (i < s.length && isArabicLetter(s[i])) out.push(0x20);
    }
    return out;
  }
  // A12: تراع → نزاع unless after خ or before ى/ي.
  var TRAA = codePoints("تراع");
  function repairNzLigature(s) {
    for (var i = 0; i + 4 <= s.length; ++i) {
      if (!startsAt(s, i, TRAA)) continue;
      var afterKha = i > 0 && s[i - 1] === 0x062E;
      var beforeYa = i + 4 < s.length && (s[i + 4] === 0x064A || s[i + 4] === 0x0649);
      if (!afterKha && !beforeYa) { s[i] = 0x0646; s[i + 1] = 0x0632; }
      i += 3;
    }
  }
  function needsBoundary(before, after) {
    return (isArabicLetter(before) && isAsciiAlnum(after)) ||
        (isAsciiAlnum(before) && isArabicLetter(after));
  }

  function normalizeForSearch(text) {
    var s = codePoints(text.normalize("NFKC")).filter(function (c) { return c !== TATWEEL; });
    s = mapFragments(s);
    var folded = [];
    for (var i = 0; i < s.length; ++i) {
      var f = foldChar(s[i]);
      if (!f) continue;
      if (folded.length && needsBoundary(folded[folded.length - 1], f)) folded.push(0x20);
      folded.push(f);
    }
    repairNzLigature(folded);
    return fromCodePoints(folded);
  }

  // The light stemmer (stem.h): proclitics one at a time, then suffixes, guards on what remains.
  var LL = codePoints("لل"), AL = codePoints("ال");
  var PRONOUNS = ["هما", "ها", "هم", "كم"].map(codePoints);
  var SUFFIXES = ["ان", "ات", "ون", "ين", "يه", "ه", "ي", "ا"].map(codePoints);
  function endsWith(w, s) {
    if (w.length < s.length) return false;
    for (var k = 0; k < s.length; ++k) if (w[w.length - s.length + k] !== s[k]) return false;
    return true;
  }
  function stripOneProclitic(w) {
    if (startsAt(w, 0, LL) && w.length >= 4) { w.splice(0, 2); return true; }
    if (startsAt(w, 0, AL) && w.length >= 4) { w.splice(0, 2); return true; }
    if (!w.length) return false;
    var first = w[0], rest = w.length - 1;
    var conjunction = first === 0x0648 || first === 0x0641 || first === 0x0644;  // و ف ل
    var preposition = first === 0x0628 || first === 0x0643;                      // ب ك
    if ((conjunction && rest >= 3) || (preposition && rest >= 4)) { w.splice(0, 1); return true; }
    return false;
  }
  function stripOneSuffix(w) {
    for (var i = 0; i < PRONOUNS.length; ++i) {
      var p = PRONOUNS[i];
      if (endsWith(w, p) && w.length - p.length >= 3) {
        w.splice(w.length - p.length);
        if (w.length >= 4 && w[w.length - 1] === 0x062A) w.pop();  // مكافحتها → مكافح
        return true;
      }
    }
    for (var j = 0; j < SUFFIXES.length; ++j) {
      var s = SUFFIXES[j];
      if (endsWith(w, s) && w.length - s.length >= 3) { w.splice(w.length - s.length); return true; }
    }
    return false;
  }
  function foldWord(word) {
    return fromCodePoints(codePoints(word).map(foldChar).filter(function (c) { return c; }));
  }
  // src/text/root_initial.cpp: words whose first letters look like proclitics but are their own;
  // proclitic stripping stops at them.
  var ROOT_INITIAL = new Set([
    "وكالة", "وكالات", "كيان", "كيانات", "لجنة", "لجان", "فئة", "فئات", "بلدان", "فرصة", "وثيقة",
    "وثائق", "فريق", "فساد", "وزارة", "وزارات", "ولاية", "ولايات", "وحدة", "وحدات", "وسيلة",
    "وسائل", "لاجئ", "لاجئين", "لاجئون", "فعال", "فعالة", "فعالية", "آلية", "آليات"
  ].map(foldWord));
  function stripProclitics(w) {
    while (!ROOT_INITIAL.has(fromCodePoints(w)) && stripOneProclitic(w)) {}
  }
  function affixStem(w) {
    stripProclitics(w);
    while (stripOneSuffix(w)) {}
    return w;
  }
  // src/text/broken_plurals.cpp, the same pairs in the same order: a word and the word whose
  // stem it takes (broken plurals; امرأة, whose own stem would be امر).
  var STEM_PAIRS = [
    ["ضحايا", "ضحية"], ["جرائم", "جريمة"], ["قضايا", "قضية"], ["قضاة", "قاضي"],
    ["شهود", "شاهد"], ["سجون", "سجن"], ["أسلحة", "سلاح"], ["أطفال", "طفل"], ["نساء", "المرأة"],
    ["امرأة", "المرأة"], ["رجال", "رجل"], ["أشخاص", "شخص"], ["أفراد", "فرد"],
    ["أجانب", "أجنبي"], ["شركاء", "شريك"], ["خبراء", "خبير"], ["أمناء", "أمين"],
    ["أجيال", "جيل"], ["شعوب", "شعب"], ["حقوق", "حق"], ["أطراف", "طرف"], ["قوانين", "قانون"],
    ["أحكام", "حكم"], ["مبادئ", "مبدأ"], ["مبادىء", "مبدأ"], ["قواعد", "قاعدة"],
    ["معايير", "معيار"], ["تدابير", "تدبير"], ["شروط", "شرط"], ["أعراف", "عرف"],
    ["وثائق", "وثيقة"], ["تقارير", "تقرير"], ["مواد", "مادة"], ["أنظمة", "نظام"],
    ["صكوك", "صك"], ["مفاهيم", "مفهوم"], ["أنشطة", "نشاط"], ["أهداف", "هدف"], ["أشكال", "شكل"],
    ["أسباب", "سبب"], ["برامج", "برنامج"], ["مشاريع", "مشروع"], ["تجارب", "تجربة"],
    ["أدوار", "دور"], ["نتائج", "نتيجة"], ["مشاكل", "مشكلة"], ["أعباء", "عبء"], ["ظروف", "ظرف"],
    ["منافع", "منفعة"], ["مناطق", "منطقة"], ["أقاليم", "إقليم"], ["مراكز", "مركز"],
    ["أسواق", "سوق"], ["مجالس", "مجلس"], ["لجان", "لجنة"], ["فئات", "فئة"], ["وسائل", "وسيلة"],
    ["أجهزة", "جهاز"], ["جهات", "جهة"], ["موارد", "مورد"]
  ];
  // The word left after the proclitics → the stem it takes.
  var TAKEN_STEMS = new Map(STEM_PAIRS.map(function (pair) {
    var w = codePoints(foldWord(pair[0]));
    stripProclitics(w);
    return [fromCodePoints(w), fromCodePoints(affixStem(codePoints(foldWord(pair[1]))))];
  }));
  // ي C ا C(C) → م C ا C(C): the imperfect of form III and the passive of a hollow verb meet
  // their verbal noun or participle (يعاقب/معاقبة, يتاح/متاح); stem.cpp says why only ي.
  var YA = 0x064A, ALEF = 0x0627, MEEM = 0x0645;
  function joinImperfectToVerbalNoun(w) {
    if ((w.length === 4 || w.length === 5) && w[0] === YA && w[2] === ALEF) w[0] = MEEM;
  }
  function stemArabic(word) {
    var w = codePoints(word);
    if (w.length <= 3 || !isArabicLetter(w[0])) return word;
    stripProclitics(w);
    do {
      var taken = TAKEN_STEMS.get(fromCodePoints(w));
      if (taken !== undefined) return taken;
    } while (stripOneSuffix(w));
    joinImperfectToVerbalNoun(w);
    return fromCodePoints(w);
  }

  var STOPWORDS = new Set(("في من الي علي عن ان او ام ثم و ف ب ل ك هذا هذه ذلك تلك هولاء التي " +
      "الذي الذين اللذين اللتين اللاتي كما مع بين قد لقد لا ما لم لن هو هي هم هما نحن كان كانت " +
      "يكون تكون ايضا كل بعض عند حتي اذا اذ لدي منذ حيث وقد وفي ومن وعلي والي وهو وهي وان وهذا " +
      "وهذه وذلك فيه فيها منه منها عليه عليها اليه به بها له لها لهم انه انها الا غير وما بما " +
      "مما عما فيما كذلك اي ولا وكان سوف لكن ولكن بل اما تم ذات " +
      "بخاصه وبخاصه خصوصا وخصوصا سيما لاسيما ولاسيما ال الم للا بالا والا " +
      "a an and are as at be by for from has have in is it its of on or that the this to was " +
      "were which with").split(" "));
  function isStopword(word) { return STOPWORDS.has(word); }

  // The site's tokenizer (search_terms.h): runs of letters, marks, digits and connectors,
  // lower-cased, at most 64 bytes, stop words dropped, Arabic words stemmed.
  var WORD = /[\p{L}\p{M}\p{N}\p{Pc}]+/gu;
  var MAX_BYTES = 64;
  function lowerWord(w) {
    return codePoints(w).map(function (c) {
      var l = String.fromCodePoint(c).toLowerCase();
      return l.length === String.fromCodePoint(c).length ? l : String.fromCodePoint(c);
    }).join("");
  }
  function utf8Length(s) { return new TextEncoder().encode(s).length; }
  function terms(text) {
    var out = [];
    var normalized = normalizeForSearch(text);
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(normalized)) !== null) {
      var word = lowerWord(match[0]);
      if (utf8Length(word) > MAX_BYTES || isStopword(word)) continue;
      out.push(isArabicLetter(word.codePointAt(0)) ? stemArabic(word) : word);
    }
    return out;
  }
  // The shard a term lives in: its first two code points, as hex (search_terms.h ShardOf).
  function shardOf(term) {
    return codePoints(term).slice(0, 2).map(function (c) { return c.toString(16); }).join("-");
  }

  // The query side of the 3-grams of scrambled paragraphs (search_terms.h FallbackGrams, the
  // server's NgramFallback): for each Arabic word of the query that is not a stop word, the
  // 3-grams of its stem's letters, when it has at least two; a paragraph with all of a word's
  // grams matches that word.
  var GRAM_MARK = "~";
  function fallbackGroups(query) {
    var groups = [];
    normalizeForSearch(query).split(/[ \t\n\v\f\r]+/).forEach(function (word) {
      if (!word || !codePoints(word).some(isArabicLetter) || isStopword(word)) return;
      var letters = codePoints(stemArabic(word)).filter(isArabicLetter);
      var grams = [];
      for (var i = 0; i + 3 <= letters.length; ++i)
        grams.push(GRAM_MARK + fromCodePoints(letters.slice(i, i + 3)));
      if (grams.length >= 2) groups.push(grams);
    });
    return groups;
  }

  var api = { normalizeForSearch: normalizeForSearch, stemArabic: stemArabic,
              isStopword: isStopword, terms: terms, shardOf: shardOf,
              fallbackGroups: fallbackGroups };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else global.sijillAnalyzer = api;
})(typeof window !== "undefined" ? window : this);
