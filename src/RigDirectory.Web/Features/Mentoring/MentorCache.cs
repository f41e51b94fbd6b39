using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// The finder's pages are output-cached for signed-in visitors (shared, <see cref="SharedForSignedInAttribute"/>),
/// varied by the finder's own query keys and tagged <c>mentors</c>; a change to a mentor, their room or the
/// subspecialties drops the snapshot and evicts the tag (<see cref="MentorSnapshotListener"/>).
/// </summary>
public static class MentorCache
{
    public const string Tag = "mentors";

    /// <summary>Registered with the directory's policies (<see cref="Directory.DirectoryCache.AddPolicy"/>).</summary>
    public const string FinderPolicy = "MentorFinder";

    public static readonly string[] QueryKeys = ["subspecialty", "offer", "format", "region", "school", "near", "within", "room", "page"];
}

/// <summary>
/// The finder's shared page depends on one fact of the visitor's: with no school in the address, it measures from
/// the school of their last request. Pages are kept per remembered school; for everyone else, one.
/// </summary>
public sealed class MentorFinderVary(MentoringQueries queries) : ISharedVary
{
    /// <summary>Whether the address names no school, so the remembered one is used.</summary>
    public static bool Remembers(HttpRequest request) =>
        !(request ?? throw new ArgumentNullException(nameof(request))).Query.ContainsKey("near") && !request.Query.ContainsKey("school");

    public async Task<string> ForAsync(HttpContext context, ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Remembers(context.Request) && Auditing.Actor.From(viewer).UserId is { } userId
            ? await queries.RememberedSchoolAsync(userId, context.RequestAborted) ?? ""
            : "";
    }
}

/// <summary>Drops the mentor snapshot and evicts the finder's pages once a change to a mentor (their offer, status or room) or to the subspecialties has committed.</summary>
public sealed class MentorSnapshotListener(MentorSnapshot snapshot, IOutputCacheStore store) : IChangeListener
{
    public async Task ChangedAsync(Change change, CancellationToken cancellationToken)
    {
        if (change is MentorChanged or SubspecialtyChanged or AccountDeleted)
        {
            await snapshot.InvalidateAsync();
            await store.EvictByTagAsync(MentorCache.Tag, cancellationToken);
        }
    }
}
