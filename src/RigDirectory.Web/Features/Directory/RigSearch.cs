using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Directory;

public enum RigSort
{
    Name = 0,
    School = 1,
    Verified = 2,
}

/// <summary>The filters of the RIG list, the JSON API and the CSV export; all of it lives in the query string.</summary>
public sealed class RigSearchInput
{
    public const int PageSize = 20;
    public const int MaxPage = 10_000;
    public const int MaxQueryLength = 200;

    /// <summary>The query keys the search reads: cached pages vary by these and ignore any other.</summary>
    public static readonly string[] QueryKeys = ["q", "region", "country", "state", "degree", "activity", "sort", "page", "pageSize", "awarded"];

    [FromQuery(Name = "q")]
    [StringLength(MaxQueryLength, ErrorMessage = "Search for at most 200 characters.")]
    public string? Query { get; set; }

    [FromQuery(Name = "region")]
    [StringLength(Limits.Slug)]
    public string? Region { get; set; }

    [FromQuery(Name = "country")]
    public Country? Country { get; set; }

    /// <summary>A state/province as the map codes it, e.g. "US-IL" or "CA-ON".</summary>
    [FromQuery(Name = "state")]
    [RegularExpression("^(US|CA)-[A-Z]{2}$", ErrorMessage = "Choose a state or province from the list.")]
    public string? State { get; set; }

    [FromQuery(Name = "degree")]
    public DegreeType? Degree { get; set; }

    [FromQuery(Name = "activity")]
    [MaxLength(16)]
    public List<RigActivities> Activities { get; set; } = [];

    [FromQuery(Name = "sort")]
    public RigSort Sort { get; set; }

    /// <summary>Only RIGs that have won an award.</summary>
    [FromQuery(Name = "awarded")]
    public bool AwardWinners { get; set; }

    [FromQuery(Name = "page")]
    [Range(1, MaxPage, ErrorMessage = "Pages start at 1.")]
    public int Page { get; set; } = 1;

    public RigActivities RequiredActivities => Activities.Aggregate(RigActivities.None, (all, a) => all | a);

    /// <summary>How many filters beside the search words are on (each activity counts one).</summary>
    public int FilterCount =>
        (Region is null ? 0 : 1) + (Country is null ? 0 : 1) + (State is null ? 0 : 1) + (Degree is null ? 0 : 1) + (AwardWinners ? 1 : 0) + Activities.Count;

    public bool HasFilters => !string.IsNullOrWhiteSpace(Query) || FilterCount > 0;

    /// <summary>The address of the same search on another page or in another order; defaults are left out.</summary>
    public string Url(string path, int? page = null, RigSort? sort = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(new(key, value));
            }
        }

        Add("q", Query?.Trim());
        Add("region", Region);
        Add("country", Country?.ToString());
        Add("state", State);
        Add("degree", Degree?.ToString());
        Add("awarded", AwardWinners ? "true" : null);
        foreach (var activity in Activities)
        {
            Add("activity", activity.ToString());
        }

        var chosenSort = sort ?? Sort;
        Add("sort", chosenSort == RigSort.Name ? null : chosenSort.ToString());
        var chosenPage = page ?? Page;
        Add("page", chosenPage == 1 ? null : chosenPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path + QueryString.Create(values).ToUriComponent();
    }
}

public sealed record RigListItem(
    string Slug,
    string Name,
    string SchoolSlug,
    string School,
    string? Campus,
    string City,
    string StateName,
    string PostalCode,
    string JurisdictionCode,
    Country Country,
    DegreeType Degree,
    string RegionSlug,
    string RegionName,
    RigActivities Activities,
    MeetingCadence MeetingCadence,
    string? PublicContactEmail,
    string? Website,
    string? InstagramUrl,
    string? XUrl,
    string? LinkedInUrl,
    int? FoundedYear,
    DateTime? LastVerifiedAt,
    DateTime UpdatedAt,
    DateTime? ApprovedAt,
    string? SchoolSynonyms,
    string? LatestAward = null,
    int Awards = 0);

public static class RigSearchQuery
{
    /// <summary>
    /// The RIGs of the snapshot matching every filter, counted in full but materialised only from
    /// <paramref name="skip"/> for <paramref name="take"/>. Search words match the RIG, school (or its
    /// abbreviations), campus, city or state/province as <see cref="TextSearch"/> rules, or a postal code exactly;
    /// exact names rank first, then matches without a typo, each in the chosen order (presorted: nothing is sorted
    /// per request); a search of several words that some name matches exactly finds only those (<see cref="SearchQuery.StopsAtExact"/>).
    /// </summary>
    public static (int Total, IReadOnlyList<RigListItem> Items) Apply(DirectorySnapshot.Snapshot snapshot, RigSearchInput input, int skip = 0, int take = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(input);
        var ordered = snapshot.InOrder(input.Sort);
        var query = SearchQuery.Parse(input.Query);
        if (query is null && !string.IsNullOrWhiteSpace(input.Query))
        {
            // Only punctuation ("%", "--"): no word to look for, so nothing matches.
            return (0, []);
        }

        if (query is null && input.FilterCount == 0)
        {
            // Nothing to match: the page is a slice of the presorted order.
            return (ordered.Count, Slice(ordered, skip, take));
        }

        var matcher = query?.For(snapshot.Vocabulary);
        // How well each RIG matched, by its position in the chosen order, in a pooled array: a list of the matching
        // positions grew onto the large-object heap at 20,000 RIGs, and the collections it caused halved throughput.
        var matches = ArrayPool<SearchMatch>.Shared.Rent(ordered.Count);
        try
        {
            Span<int> counts = stackalloc int[4];
            Match(ordered, input, matcher, matches, counts);
            if (query is { StopsAtExact: true } && counts[(int)SearchMatch.Exact] > 0)
            {
                counts[(int)SearchMatch.Prefix] = counts[(int)SearchMatch.Typo] = 0;
            }

            return (counts[(int)SearchMatch.Exact] + counts[(int)SearchMatch.Prefix] + counts[(int)SearchMatch.Typo], Page(ordered, matches, counts, skip, take));
        }
        finally
        {
            ArrayPool<SearchMatch>.Shared.Return(matches);
        }
    }

    /// <summary>How well each RIG matches, by position, and how many matched each way.</summary>
    private static void Match(IReadOnlyList<DirectorySnapshot.SearchableRig> ordered, RigSearchInput input, SearchQuery.Matcher? matcher, SearchMatch[] matches, Span<int> counts)
    {
        var postalCode = input.Query?.Trim().ToUpperInvariant();
        var activities = input.RequiredActivities;
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var match = !Passes(r.Item, input, activities) ? SearchMatch.None
                : matcher is null || r.Item.PostalCode == postalCode ? SearchMatch.Prefix : matcher.Match(r.Search);

            matches[i] = match;
            counts[(int)match]++;
        }
    }

    private static List<RigListItem> Slice(IReadOnlyList<DirectorySnapshot.SearchableRig> ordered, int skip, int take)
    {
        var slice = new List<RigListItem>(Math.Clamp(ordered.Count - skip, 0, Math.Min(take, ordered.Count)));
        for (var i = skip; i < ordered.Count && slice.Count < take; i++)
        {
            slice.Add(ordered[i].Item);
        }

        return slice;
    }

    /// <summary>Whether the RIG passes every filter of the search (region, country, state, degree, activities, awards).</summary>
    private static bool Passes(RigListItem item, RigSearchInput input, RigActivities activities) =>
        (input.Region is null || item.RegionSlug == input.Region)
        && (input.Country is not { } country || item.Country == country)
        && (input.State is null || item.JurisdictionCode == input.State)
        && (input.Degree is not { } degree || item.Degree == degree)
        && (item.Activities & activities) == activities
        && (!input.AwardWinners || item.Awards > 0);

    /// <summary>The page: exact names first, then matches without a typo, then with one; each in the chosen order.</summary>
    private static List<RigListItem> Page(IReadOnlyList<DirectorySnapshot.SearchableRig> ordered, SearchMatch[] matches, ReadOnlySpan<int> counts, int skip, int take)
    {
        var page = new List<RigListItem>(Math.Min(take, 64));
        foreach (var kind in (ReadOnlySpan<SearchMatch>)[SearchMatch.Exact, SearchMatch.Prefix, SearchMatch.Typo])
        {
            var seen = 0;
            for (var i = 0; i < ordered.Count && page.Count < take && skip < counts[(int)kind]; i++)
            {
                if (matches[i] == kind && seen++ >= skip)
                {
                    page.Add(ordered[i].Item);
                }
            }

            skip = Math.Max(skip - counts[(int)kind], 0);
        }

        return page;
    }

    public static IQueryable<RigListItem> ToListItems(this IQueryable<Rig> rigs) =>
        rigs.Select(r => new RigListItem(
            r.Slug,
            r.Name,
            r.School!.Slug,
            r.School.Name,
            r.School.Campus,
            r.School.City,
            r.School.Jurisdiction!.Name,
            r.School.Jurisdiction.PostalCode,
            r.School.JurisdictionCode,
            r.School.Country,
            r.School.Degree,
            r.School.Jurisdiction.Region!.Slug,
            r.School.Jurisdiction.Region.Name,
            r.Activities,
            r.MeetingCadence,
            r.ContactVisibility == ContactVisibility.Public ? r.ContactEmail : null,
            r.Website,
            r.InstagramUrl,
            r.XUrl,
            r.LinkedInUrl,
            r.FoundedYear,
            r.LastVerifiedAt,
            r.UpdatedAt,
            r.ApprovedAt,
            r.School.Synonyms,
            r.Nominations.Where(n => n.SelectedAt != null).OrderByDescending(n => n.Award!.Year).ThenBy(n => n.Award!.Title).Select(n => n.Award!.Title).FirstOrDefault(),
            r.Nominations.Count(n => n.SelectedAt != null)));
}

public sealed record RigFilterOptions(IReadOnlyList<(string Slug, string Name)> Regions, IReadOnlyList<(string Code, string Name, Country Country)> States)
{
    /// <summary>The choices of the filter form, in one statement.</summary>
    public static async Task<RigFilterOptions> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Jurisdictions.AsNoTracking()
            .Select(j => new { j.Code, j.Name, j.Country, RegionSlug = j.Region!.Slug, RegionName = j.Region.Name, j.Region.SortOrder })
            .ToListAsync(cancellationToken);
        return new RigFilterOptions(
            rows.OrderBy(r => r.SortOrder).ThenBy(r => r.RegionName).Select(r => (r.RegionSlug, r.RegionName)).Distinct().ToList(),
            rows.OrderBy(r => r.Country).ThenBy(r => r.Name).Select(r => (r.Code, r.Name, r.Country)).ToList());
    }
}
