using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// Public directory pages are output-cached for anonymous visitors, compressed once per entry (the cache sits
/// outside response compression and varies by the encoding the client accepts), varied only by the query keys a
/// page reads, and tagged by what they show: <c>rig:{slug}</c>, <c>school:{slug}</c>, <c>region:{slug}</c>,
/// <c>home</c>, <c>list</c> on every list page, <c>list:{sort}:{page}</c> on the unfiltered list's pages and
/// <c>list:any</c> on filtered ones. A change evicts only the tags it touches (a RIG's edited row: its own pages
/// in each order, not the whole list), and updates the list's in-memory snapshot in place; region edits evict
/// everything.
/// </summary>
public sealed class DirectoryCache(IOutputCacheStore store, DirectorySnapshot snapshot, Events.EventSnapshot events)
{
    /// <summary>Pages that read no query parameter (home, profile, school, region).</summary>
    public const string Policy = "Directory";

    /// <summary>The list, its CSV and the API: varied by the search's own parameters only.</summary>
    public const string SearchPolicy = "DirectorySearch";

    public const string Tag = "directory";
    public const string ListTag = "list";
    public const string HomeTag = "home";

    /// <summary>List pages that change with any RIG's row: searches, filters, the CSV and the API.</summary>
    public const string AnyRowTag = "list:any";

    public static string RigTag(string slug) => $"rig:{slug}";

    /// <summary>Page <paramref name="page"/> of the unfiltered list in <paramref name="sort"/> order: changes only when a row on it does.</summary>
    public static string ListPageTag(RigSort sort, int page) => $"list:{sort}:{page}";

    public static string SchoolTag(string slug) => $"school:{slug}";

    public static string RegionTag(string slug) => $"region:{slug}";

    /// <summary>Everything: after a change to regions, or to a RIG's name or school.</summary>
    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        await snapshot.InvalidateAsync();
        await events.InvalidateAsync();
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>The pages a change to one RIG alters, and its row of the snapshot.</summary>
    public async Task EvictRigAsync(AppDbContext db, int rigId, RigChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.Rigs.AsNoTracking().Where(r => r.Id == rigId)
            .Select(r => new { r.Slug, School = r.School!.Slug, Region = r.School.Jurisdiction!.Region!.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (keys is null)
        {
            return;
        }

        var tags = new List<string> { RigTag(keys.Slug) };
        if (change == RigChange.Pending)
        {
            tags.AddRange([HomeTag, SchoolTag(keys.School), RegionTag(keys.Region)]);
        }
        else if (change == RigChange.Placement)
        {
            // Shown or hidden: the map, its school and region, and every list page's count change.
            // Its events appear or go with it.
            tags.AddRange([ListTag, HomeTag, SchoolTag(keys.School), RegionTag(keys.Region), Events.EventCache.ListTag]);
            await events.RefreshRigAsync(rigId, keys.Slug, cancellationToken);
            await snapshot.RefreshAsync(rigId, keys.Slug, cancellationToken);
        }
        else if (change == RigChange.Listing)
        {
            var (before, after) = await snapshot.RefreshAsync(rigId, keys.Slug, cancellationToken);
            tags.AddRange(before is null || after is null ? [ListTag] : ListPagesShowing(keys.Slug, before, after));
        }

        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    /// <summary>
    /// The list pages a changed row alters: in each order, the page it was on, the page it is on now and those
    /// between (its move shifts them by one); and every filtered page. A row that appears or disappears changes
    /// the count every page shows, so all of them.
    /// </summary>
    public static IEnumerable<string> ListPagesShowing(string slug, DirectorySnapshot.Snapshot before, DirectorySnapshot.Snapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        yield return AnyRowTag;
        foreach (var sort in Enum.GetValues<RigSort>())
        {
            var (was, now) = (before.PositionOf(slug, sort), after.PositionOf(slug, sort));
            if ((was < 0) != (now < 0))
            {
                yield return ListTag;
                yield break;
            }

            if (was < 0)
            {
                continue;
            }

            for (var page = (Math.Min(was, now) / RigSearchInput.PageSize) + 1; page <= (Math.Max(was, now) / RigSearchInput.PageSize) + 1; page++)
            {
                yield return ListPageTag(sort, page);
            }
        }
    }

    /// <summary>
    /// The policies. <paramref name="missKey"/>: a query key that also varies entries, so that the benchmark can
    /// measure cache misses (<c>nocache</c>, in the Benchmark environment only).
    /// </summary>
    public static void AddPolicy(OutputCacheOptions options, string? missKey = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] extra = missKey is null ? [] : [missKey];
        options.AddPolicy(Policy, policy => Base(policy).SetVaryByQuery(extra));
        options.AddPolicy(SearchPolicy, policy => Base(policy).SetVaryByQuery([.. RigSearchInput.QueryKeys, .. extra]));
        options.AddPolicy(Events.EventCache.ListPolicy, policy => Base(policy).SetVaryByQuery([.. Events.EventSearchInput.QueryKeys, .. extra]));
        options.AddPolicy(Mentoring.MentorCache.FinderPolicy, policy => Base(policy).SetVaryByQuery([.. Mentoring.MentorCache.QueryKeys, .. extra]));
    }

    private static OutputCachePolicyBuilder Base(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(10))
        // The encoding response compression itself picks for this request, so each entry holds one encoding's bytes.
        .VaryByValue(context => new KeyValuePair<string, string>("encoding",
            context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity"))
        .AddPolicy<Infrastructure.Holes.SharedRenderPolicy>()
        .Tag(Tag);
}

/// <summary>Tags the response being cached with what it shows, so that a change evicts only the pages it alters.</summary>
public static class CacheTags
{
    public static void TagCachedResponse(this HttpContext context, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}
