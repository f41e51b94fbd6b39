using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// Every published RIG's public fields and the filter choices, held in memory. The directory is thousands
/// of rows, not millions: searching a list in memory costs microseconds where the same search in SQL joins
/// four tables per row. Built with two statements on first use after each <see cref="DirectoryCache"/> eviction.
/// </summary>
public sealed class DirectorySnapshot : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Every word of every RIG's search text; shared by each snapshot and the next (words are only added).</summary>
    private readonly SearchVocabulary _vocabulary = new();
    private readonly SharedCopy<Snapshot> _copy;

    public DirectorySnapshot(IServiceScopeFactory scopes, ISharedStamps stamps)
    {
        _scopes = scopes;
        _copy = new SharedCopy<Snapshot>("directory", stamps, BuildAsync);
    }

    /// <summary>
    /// The published RIGs in name order, and the same RIGs presorted for the other orders on first use (or carried
    /// over, one row moved, from the snapshot this one refreshes).
    /// </summary>
    public sealed class Snapshot
    {
        private readonly Lazy<IReadOnlyList<SearchableRig>> _bySchool;
        private readonly Lazy<IReadOnlyList<SearchableRig>> _byVerified;

        public Snapshot(SearchVocabulary vocabulary, IReadOnlyList<SearchableRig> rigs, RigFilterOptions filters, IReadOnlyList<SearchableRig>? bySchool = null, IReadOnlyList<SearchableRig>? byVerified = null)
        {
            Vocabulary = vocabulary;
            Rigs = rigs;
            Filters = filters;
            _bySchool = bySchool is null ? new(() => [.. rigs.Order(Comparers[RigSort.School])]) : new(bySchool);
            _byVerified = byVerified is null ? new(() => [.. rigs.Order(Comparers[RigSort.Verified])]) : new(byVerified);
        }

        /// <summary>The words the RIGs' <see cref="SearchableRig.Search"/> documents are numbered in.</summary>
        public SearchVocabulary Vocabulary { get; }

        public IReadOnlyList<SearchableRig> Rigs { get; }

        public RigFilterOptions Filters { get; }

        /// <summary>The RIGs in <paramref name="sort"/> order, sorted once per snapshot rather than per request.</summary>
        public IReadOnlyList<SearchableRig> InOrder(RigSort sort) => sort switch
        {
            RigSort.School => _bySchool.Value,
            RigSort.Verified => _byVerified.Value,
            _ => Rigs,
        };

        /// <summary>Where the RIG is in <paramref name="sort"/> order (0-based), or -1 when it is not listed.</summary>
        public int PositionOf(string slug, RigSort sort)
        {
            var rigs = InOrder(sort);
            for (var i = 0; i < rigs.Count; i++)
            {
                if (rigs[i].Item.Slug == slug)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>This snapshot with one RIG's row replaced, removed (<paramref name="row"/> null) or added, every order kept sorted.</summary>
        internal Snapshot With(string slug, SearchableRig? row) => new(
            Vocabulary,
            Moved(Rigs, RigSort.Name, slug, row),
            Filters,
            _bySchool.IsValueCreated ? Moved(_bySchool.Value, RigSort.School, slug, row) : null,
            _byVerified.IsValueCreated ? Moved(_byVerified.Value, RigSort.Verified, slug, row) : null);

        private static List<SearchableRig> Moved(IReadOnlyList<SearchableRig> rigs, RigSort sort, string slug, SearchableRig? row)
        {
            var moved = new List<SearchableRig>(rigs.Count + 1);
            foreach (var rig in rigs)
            {
                if (rig.Item.Slug != slug)
                {
                    moved.Add(rig);
                }
            }

            if (row is not null)
            {
                var at = moved.BinarySearch(row, Comparers[sort]);
                moved.Insert(at < 0 ? ~at : at, row);
            }

            return moved;
        }
    }

    /// <summary>Each order's comparer, ending on the slug so that every RIG has one place.</summary>
    internal static readonly IReadOnlyDictionary<RigSort, Comparer<SearchableRig>> Comparers = new Dictionary<RigSort, Comparer<SearchableRig>>
    {
        [RigSort.Name] = Comparer<SearchableRig>.Create((a, b) => Then(string.CompareOrdinal(a.SortName, b.SortName), a, b)),
        [RigSort.School] = Comparer<SearchableRig>.Create((a, b) =>
            Then(string.CompareOrdinal(a.SortSchool, b.SortSchool) is var bySchool and not 0 ? bySchool : string.CompareOrdinal(a.SortName, b.SortName), a, b)),
        [RigSort.Verified] = Comparer<SearchableRig>.Create((a, b) =>
            Then(Nullable.Compare(b.Item.LastVerifiedAt, a.Item.LastVerifiedAt) is var byDate and not 0 ? byDate : string.CompareOrdinal(a.SortName, b.SortName), a, b)),
    };

    private static int Then(int order, SearchableRig a, SearchableRig b) => order != 0 ? order : string.CompareOrdinal(a.Item.Slug, b.Item.Slug);

    /// <summary>A RIG with its search words numbered once and its sort keys folded once (lower case, no accents).</summary>
    public sealed record SearchableRig(RigListItem Item, SearchDocument Search, string SortName, string SortSchool)
    {
        /// <summary>
        /// Its words are those of the RIG, school, campus, city, state/province and the school's abbreviations; a search
        /// for the whole name of the RIG, the school (with or without campus) or an abbreviation is an exact match.
        /// </summary>
        public static SearchableRig Of(RigListItem i, SearchVocabulary vocabulary)
        {
            ArgumentNullException.ThrowIfNull(i);
            var synonyms = School.SplitSynonyms(i.SchoolSynonyms).ToList();
            return new(
                i,
                SearchDocument.Of(vocabulary, [i.Name, i.School, i.Campus, i.City, i.StateName, .. synonyms], [i.Name, i.School, $"{i.School} {i.Campus}", .. synonyms]),
                TextFolding.Fold(i.Name),
                TextFolding.Fold($"{i.School} {i.Campus}"));
        }
    }

    public Task<Snapshot> GetAsync() => _copy.GetAsync();

    /// <summary>Drops the snapshot, here and on every other instance; the next reader builds a fresh one.</summary>
    public Task InvalidateAsync() => _copy.DropAsync();

    /// <summary>
    /// Replaces one RIG's row (or removes it, when it is no longer public) in the snapshot, in place of a rebuild:
    /// one statement, and readers keep the rest. Refreshes run one at a time, each on top of the previous; an
    /// <see cref="InvalidateAsync"/> meanwhile wins. Other instances rebuild theirs.
    /// </summary>
    /// <returns>The snapshot before and after, or nulls when there was none to refresh (the next reader builds it).</returns>
    public async Task<(Snapshot? Before, Snapshot? After)> RefreshAsync(int rigId, string slug, CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var (snapshot, generation) = _copy.Peek();
            if (snapshot is null)
            {
                await _copy.DropAsync();
                return (null, null);
            }

            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var fresh = await db.Rigs.AsNoTracking().Where(r => r.Id == rigId).Published().ToListItems().SingleOrDefaultAsync(cancellationToken);
            var refreshed = snapshot.With(slug, fresh is null ? null : SearchableRig.Of(fresh, _vocabulary));
            return await _copy.ReplaceAsync(snapshot, refreshed, generation) ? (snapshot, refreshed) : (null, null);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private async Task<Snapshot> BuildAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var items = await db.Rigs.AsNoTracking().Published()
            .ToListItems()
            .ToListAsync();
        var filters = await RigFilterOptions.LoadAsync(db, CancellationToken.None);
        var rigs = items.Select(i => SearchableRig.Of(i, _vocabulary)).ToList();
        rigs.Sort(Comparers[RigSort.Name]);
        return new Snapshot(_vocabulary, rigs, filters);
    }
}
