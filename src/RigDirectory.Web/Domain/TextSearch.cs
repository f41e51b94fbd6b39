using System.Text;

namespace RigDirectory.Web.Domain;

/// <summary>How well a text matched a search; a higher value ranks first.</summary>
public enum SearchMatch : byte
{
    None = 0,

    /// <summary>Every word matched, at least one only with one typo.</summary>
    Typo = 1,

    /// <summary>Every word matched the start of a word of the text, in any order.</summary>
    Prefix = 2,

    /// <summary>The search is the whole name (or a known abbreviation), punctuation, case and accents aside.</summary>
    Exact = 3,
}

/// <summary>
/// The rules of forgiving search, shared by the RIG list and the school finder: text is compared as words,
/// folded (no case, no accents) and split at punctuation; each searched word matches the start of a word of
/// the text, in any order; a searched word of <see cref="TypoMinimumLength"/> letters or more may carry one typo
/// (a letter missing, extra, wrong, or two swapped).
/// </summary>
public static class TextSearch
{
    public const int TypoMinimumLength = 5;

    /// <summary>"Université de Montréal, Faculté" → ["universite", "de", "montreal", "faculte"]; "Queen's" → ["queens"].</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c is not ('\'' or '\u2019' or '.') && word.Length > 0)
            {
                // Apostrophes and full stops join ("Queen's", "M.D."); anything else separates.
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The words of a text joined by single spaces: how two names are compared for an exact match.</summary>
    public static string Phrase(string? text) => string.Join(' ', Words(text));

    /// <summary>How a searched word matches one word of a text: its start, its start with one typo, or not at all.</summary>
    public static SearchMatch MatchWord(string searched, string word)
    {
        ArgumentNullException.ThrowIfNull(searched);
        ArgumentNullException.ThrowIfNull(word);
        if (word.StartsWith(searched, StringComparison.Ordinal))
        {
            return SearchMatch.Prefix;
        }

        if (searched.Length < TypoMinimumLength)
        {
            return SearchMatch.None;
        }

        // One edit away from the start of the word: that start is one letter shorter, as long, or one longer.
        for (var length = searched.Length - 1; length <= searched.Length + 1 && length <= word.Length; length++)
        {
            if (WithinOneEdit(searched, word.AsSpan(0, length)))
            {
                return SearchMatch.Typo;
            }
        }

        return SearchMatch.None;
    }

    /// <summary>Whether two words differ by at most one insertion, deletion, substitution or swap of neighbours.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        if (start == a.Length && start == b.Length)
        {
            return true;
        }

        var restA = a[start..];
        var restB = b[start..];
        if (a.Length == b.Length)
        {
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }
}

/// <summary>
/// The distinct words of every searchable text, so that a search finds which words a misspelt word may mean by
/// comparing each word once. Append-only and safe to read while a writer adds.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly Lock _adding = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private string[] _words = new string[256];
    private int _count;

    public void Add(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        lock (_adding)
        {
            foreach (var word in words)
            {
                if (!_known.Add(word))
                {
                    continue;
                }

                var at = _count;
                if (at == _words.Length)
                {
                    var grown = new string[_words.Length * 2];
                    Array.Copy(_words, grown, at);
                    Volatile.Write(ref _words, grown);
                }

                _words[at] = word;
                Volatile.Write(ref _count, at + 1);
            }
        }
    }

    /// <summary>
    /// The words <paramref name="searched"/> may mean when it carries a typo, or null when some word starts with it
    /// as typed: a word that is right finds what it names, not its misspelt neighbours, and costs no comparison here.
    /// </summary>
    public IReadOnlyList<string>? TypoMeanings(string searched)
    {
        ArgumentNullException.ThrowIfNull(searched);

        // The count first: the array read after it holds at least that many words.
        var count = Volatile.Read(ref _count);
        var words = Volatile.Read(ref _words);
        for (var i = 0; i < count; i++)
        {
            if (words[i].StartsWith(searched, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var meanings = new List<string>();
        if (searched.Length >= TextSearch.TypoMinimumLength)
        {
            for (var i = 0; i < count; i++)
            {
                if (TextSearch.MatchWord(searched, words[i]) == SearchMatch.Typo)
                {
                    meanings.Add(words[i]);
                }
            }
        }

        return meanings;
    }
}

/// <summary>
/// A text made searchable, as one string: its words folded and joined between spaces, then each phrase that
/// matches it exactly on a line of its own (" universite de montreal faculte \nuniversite de montreal\n"). A word
/// starting with "mont" and an exact name are both substring tests, on one object held inside the row (a struct):
/// at 20,000 RIGs every further object followed per row showed in a broad search's time.
/// </summary>
public readonly record struct SearchDocument(string Text)
{
    /// <summary>A document whose words are those of every text (added to the vocabulary), and whose exact phrases are <paramref name="names"/>.</summary>
    public static SearchDocument Of(SearchVocabulary vocabulary, IEnumerable<string?> texts, IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var words = texts.SelectMany(TextSearch.Words).Distinct(StringComparer.Ordinal).ToList();
        vocabulary.Add(words);
        var phrases = names.Select(TextSearch.Phrase).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);
        return new($" {string.Join(' ', words)} \n{string.Concat(phrases.Select(p => p + "\n"))}");
    }
}

/// <summary>What a visitor typed, as words; prepared once per search against a vocabulary, then matched per document.</summary>
public sealed class SearchQuery
{
    private SearchQuery(List<string> words)
    {
        Words = words;
        Phrase = string.Join(' ', words);
    }

    public IReadOnlyList<string> Words { get; }

    public string Phrase { get; }

    /// <summary>
    /// A search of several words with an initial among them is an abbreviation ("U of T", "U Penn"): when something
    /// is known by it exactly, the looser matches of its words (every school with words starting with "u", "of" and
    /// "t") are noise, and the results stop at the exact ones. Other searches keep their looser matches after the
    /// exact ones ("Medical Imaging Society" still finds "A Medical Imaging Society").
    /// </summary>
    public bool StopsAtExact => Words.Count > 1 && Words.Any(w => w.Length == 1);

    /// <summary>The query, or null when the text has no words to search for.</summary>
    public static SearchQuery? Parse(string? text)
    {
        var words = TextSearch.Words(text);
        return words.Count == 0 ? null : new SearchQuery(words);
    }

    public Matcher For(SearchVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new Matcher(Phrase, [.. Words.Distinct(StringComparer.Ordinal).Select(word => vocabulary.TypoMeanings(word) is { } meanings
            ? new Needles(Typo: true, WholeWords: true, [.. meanings])
            : new Needles(Typo: false, WholeWords: false, [word]))]);
    }

    /// <summary>What one searched word looks for in a document's text: the start of a word, or one of the whole words a typo may mean.</summary>
    internal sealed record Needles(bool Typo, bool WholeWords, string[] Texts);

    public sealed class Matcher
    {
        private readonly string _phrase;
        private readonly Needles[] _words;

        internal Matcher(string phrase, Needles[] words)
        {
            _phrase = $"\n{phrase}\n";
            _words = words;
        }

        /// <summary>How well the document matches: every searched word must match one of its words.</summary>
        public SearchMatch Match(SearchDocument document)
        {
            var worst = SearchMatch.Prefix;
            foreach (var word in _words)
            {
                if (!ContainsAny(document.Text, word))
                {
                    return SearchMatch.None;
                }

                if (word.Typo)
                {
                    worst = SearchMatch.Typo;
                }
            }

            return document.Text.Contains(_phrase, StringComparison.Ordinal) ? SearchMatch.Exact : worst;
        }

        private static bool ContainsAny(string text, Needles needles)
        {
            foreach (var needle in needles.Texts)
            {
                // The needle's own letters are what the vectorised search looks for; a space before (and, for a
                // whole word, after) is checked only where they occur. A needle starting with the space would stop
                // at every word.
                for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
                {
                    if (text[at - 1] == ' ' && (!needles.WholeWords || text[at + needle.Length] == ' '))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
