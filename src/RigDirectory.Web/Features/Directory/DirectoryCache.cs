using Microsoft.AspNetCore.OutputCaching;

namespace RigDirectory.Web.Features.Directory;

/// <summary>
/// Public directory pages are output-cached for anonymous visitors under one tag; anything that changes
/// what they show (an approval, an edit, a school change) evicts the tag.
/// </summary>
public sealed class DirectoryCache(IOutputCacheStore store, DirectorySnapshot snapshot)
{
    public const string Policy = "Directory";
    public const string Tag = "directory";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        snapshot.Invalidate();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }

    public static void AddPolicy(OutputCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .Tag(Tag));
    }
}
