using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// Finds listed schools by the forgiving rules of <see cref="TextSearch"/> (the wizard's school step and the edit
/// page's school picker). The schools' words are held in memory and rebuilt when the listed schools change, which
/// one cheap statement (their count and latest change) tells on each search — so an edit on another instance shows too.
/// </summary>
public sealed class SchoolFinder
{
    private Index? _index;

    /// <summary>A picker's search as typed, trimmed and cut to the length any search may have.</summary>
    public static string? Bounded(string? query)
    {
        query = query?.Trim();
        return query?.Length > RigSearchInput.MaxQueryLength ? query[..RigSearchInput.MaxQueryLength] : query;
    }

    /// <summary>The live line under a picker: how many schools matched, or <paramref name="none"/>.</summary>
    public static string CountSentence(int count, string none) => count switch
    {
        0 => none,
        1 => "1 school matches.",
        _ => $"{count} schools match.",
    };

    /// <summary>The slugs of the best-matching listed schools, best first: exact names and abbreviations, then word matches, then typos; each by name.</summary>
    public async Task<List<string>> FindAsync(AppDbContext db, string query, int take, CancellationToken cancellationToken) =>
        [.. (await RankAsync(db, query, take, cancellationToken)).Select(s => s.Slug)];

    /// <summary>The best-matching listed schools with how each matched, best first.</summary>
    public async Task<List<(string Slug, SearchMatch Match)>> RankAsync(AppDbContext db, string query, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var search = SearchQuery.Parse(query);
        if (search is null)
        {
            return [];
        }

        var index = await CurrentAsync(db, cancellationToken);
        var matcher = search.For(index.Vocabulary);
        // Among equal matches, a name that starts with what was typed comes first ("University of Washington" before
        // "George Washington University"); otherwise the order is the names'.
        var (nameStart, wholeName) = ("\n" + search.Phrase + " ", "\n" + search.Phrase + "\n");
        var matches = index.Schools
            .Select(s => (s.Slug, Match: matcher.Match(s.Search), NameStart: s.Search.Text.Contains(nameStart, StringComparison.Ordinal) || s.Search.Text.Contains(wholeName, StringComparison.Ordinal)))
            .Where(s => s.Match != SearchMatch.None)
            .ToList();
        var least = search.StopsAtExact && matches.Exists(s => s.Match == SearchMatch.Exact) ? SearchMatch.Exact : SearchMatch.Typo;
        return matches
            .Where(s => s.Match >= least)
            .OrderByDescending(s => s.Match).ThenByDescending(s => s.NameStart)
            .Take(take)
            .Select(s => (s.Slug, s.Match))
            .ToList();
    }

    /// <summary>The one school a typed name means (the only best match, as its full name is), or null when several match as well.</summary>
    public static string? Unambiguous(IReadOnlyList<(string Slug, SearchMatch Match)> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Count > 0 && (ranked.Count == 1 || ranked[1].Match < ranked[0].Match) ? ranked[0].Slug : null;
    }

    /// <summary>
    /// The school named by <paramref name="slug"/>, or else the best matches for <paramref name="query"/>, as choices
    /// for a picker: each says whether a RIG holds it (published, or being registered).
    /// </summary>
    public async Task<List<SchoolChoice>> ChoicesAsync(AppDbContext db, string? query, string? slug, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<string> slugs = !string.IsNullOrEmpty(slug) ? [slug] : string.IsNullOrWhiteSpace(query) ? [] : await FindAsync(db, query, take, cancellationToken);
        if (slugs.Count == 0)
        {
            return [];
        }

        var schools = await db.Schools.AsNoTracking().Listed()
            .Where(s => slugs.Contains(s.Slug))
            .Select(s => new SchoolChoice(
                s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.PostalCode,
                s.Rigs.AsQueryable().Where(RigVisibility.IsPublic).Select(r => r.Slug).FirstOrDefault(),
                !s.Rigs.AsQueryable().Any(RegistrationWorkflow.HoldsItsSchool)))
            .ToListAsync(cancellationToken);
        return [.. schools.OrderBy(s => slugs.IndexOf(s.Slug))];
    }

    private async Task<Index> CurrentAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var listed = db.Schools.AsNoTracking().Listed();
        var stamp = await listed.GroupBy(_ => 1).Select(g => new Stamp(g.Count(), g.Max(s => s.UpdatedAt))).SingleOrDefaultAsync(cancellationToken) ?? new Stamp(0, default);
        var index = Volatile.Read(ref _index);
        if (index?.Stamp == stamp)
        {
            return index;
        }

        var rows = await listed
            .OrderBy(s => s.Name).ThenBy(s => s.Campus).ThenBy(s => s.Slug)
            .Select(s => new { s.Slug, s.Name, s.Campus, s.City, State = s.Jurisdiction!.Name, s.Synonyms })
            .ToListAsync(cancellationToken);
        var vocabulary = new SearchVocabulary();
        var schools = rows.Select(s =>
        {
            var synonyms = School.SplitSynonyms(s.Synonyms).ToList();
            return new Entry(s.Slug, SearchDocument.Of(vocabulary, [s.Name, s.Campus, s.City, s.State, .. synonyms], [s.Name, $"{s.Name} {s.Campus}", .. synonyms]));
        }).ToList();
        index = new Index(stamp, vocabulary, schools);
        Volatile.Write(ref _index, index);
        return index;
    }

    private sealed record Stamp(int Count, DateTime Latest);

    private sealed record Entry(string Slug, SearchDocument Search);

    private sealed record Index(Stamp Stamp, SearchVocabulary Vocabulary, IReadOnlyList<Entry> Schools);
}

/// <summary>A school a picker offers: unavailable when a RIG holds it, with a link to that RIG when it is public.</summary>
public sealed record SchoolChoice(string Slug, string Name, string? Campus, string City, string PostalCode, string? ApprovedRigSlug, bool Available)
{
    public string Label => $"{School.Label(Name, Campus)} ({City}, {PostalCode})";
}

/// <summary>The schools a picker shows as radios named <paramref name="Field"/>, the one named <paramref name="Checked"/> chosen.</summary>
public sealed record SchoolChoices(IReadOnlyList<SchoolChoice> Schools, string Field, string? Checked);
