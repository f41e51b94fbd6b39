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

    /// <summary>The slugs of the best-matching listed schools, best first: exact names and abbreviations, then word matches, then typos; each by name.</summary>
    public async Task<List<string>> FindAsync(AppDbContext db, string query, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var search = SearchQuery.Parse(query);
        if (search is null)
        {
            return [];
        }

        var index = await CurrentAsync(db, cancellationToken);
        var matcher = search.For(index.Vocabulary);
        return index.Schools
            .Select(s => (s.Slug, Match: matcher.Match(s.Search)))
            .Where(s => s.Match != SearchMatch.None)
            .OrderByDescending(s => s.Match) // stable: name order within each kind of match
            .Take(take)
            .Select(s => s.Slug)
            .ToList();
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
