using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Features.Directory;

/// <summary>What a change to one RIG can alter on the public pages.</summary>
public enum RigChange
{
    /// <summary>Only its profile (sponsors, officers).</summary>
    Profile,

    /// <summary>Its profile and its row in the list, search, CSV and API (a routine edit, a verification).</summary>
    Listing,

    /// <summary>Whether and where it is shown at all (approval, archive, restore): also the map, its school and region.</summary>
    Placement,
}

/// <summary>
/// Public directory pages are output-cached for anonymous visitors, compressed once per entry (the cache sits
/// outside response compression and varies by the encoding the client accepts), varied only by the query keys a
/// page reads, and tagged by what they show: <c>rig:{slug}</c>, <c>school:{slug}</c>, <c>region:{slug}</c>,
/// <c>list</c> and <c>home</c>. A change evicts only the tags it touches, and updates the list's in-memory
/// snapshot in place; region edits evict everything.
/// </summary>
public sealed class DirectoryCache(IOutputCacheStore store, DirectorySnapshot snapshot)
{
    /// <summary>Pages that read no query parameter (home, profile, school, region).</summary>
    public const string Policy = "Directory";

    /// <summary>The list, its CSV and the API: varied by the search's own parameters only.</summary>
    public const string SearchPolicy = "DirectorySearch";

    public const string Tag = "directory";
    public const string ListTag = "list";
    public const string HomeTag = "home";

    public static string RigTag(string slug) => $"rig:{slug}";

    public static string SchoolTag(string slug) => $"school:{slug}";

    public static string RegionTag(string slug) => $"region:{slug}";

    /// <summary>Everything: after a change to regions, or to a RIG's name or school.</summary>
    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        snapshot.Invalidate();
        return store.EvictByTagAsync(Tag, cancellationToken);
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

        var tags = change switch
        {
            RigChange.Profile => [RigTag(keys.Slug)],
            RigChange.Listing => [RigTag(keys.Slug), ListTag],
            _ => new[] { RigTag(keys.Slug), ListTag, HomeTag, SchoolTag(keys.School), RegionTag(keys.Region) },
        };
        if (change != RigChange.Profile)
        {
            await snapshot.RefreshAsync(rigId, keys.Slug, cancellationToken);
        }

        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
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
    }

    private static OutputCachePolicyBuilder Base(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(10))
        // The encoding response compression itself picks for this request, so each entry holds one encoding's bytes.
        .VaryByValue(context => new KeyValuePair<string, string>("encoding",
            context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity"))
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
