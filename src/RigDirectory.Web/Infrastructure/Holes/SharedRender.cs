using System.Security.Claims;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <summary>
/// Marks a request whose page is being rendered once for every signed-in visitor: the controller and views see
/// <see cref="Audience"/>, a signed-in user with no name, id or role, so nothing personal can reach the shared page;
/// the parts that are personal are holes (<see cref="HoleTagHelper"/>), filled per request for <see cref="Viewer"/>.
/// </summary>
public sealed class SharedRender(ClaimsPrincipal viewer, string vary = "")
{
    /// <summary>Authenticated (so the page shows what signing in reveals), but nobody in particular.</summary>
    public static ClaimsPrincipal Audience { get; } = new(new ClaimsIdentity(authenticationType: "SignedInAudience"));

    /// <summary>The visitor who asked: the holes are filled for them.</summary>
    public ClaimsPrincipal Viewer { get; } = viewer;

    /// <summary>
    /// What, of the visitor's, the shared page depends on (<see cref="SharedForSignedInAttribute.VaryBy"/>): one
    /// shared page is kept per value; empty for most pages, which depend on nothing of theirs.
    /// </summary>
    public string Vary { get; } = vary;

    public static bool IsActive(HttpContext context) => Of(context) is not null;

    public static SharedRender? Of(HttpContext context) => (context ?? throw new ArgumentNullException(nameof(context))).Features.Get<SharedRender>();
}

/// <summary>
/// The one fact of a visitor's a shared page depends on (the school the mentor finder measures from, when the
/// address names none), as a short string: the page is rendered once per value and kept once per value.
/// </summary>
public interface ISharedVary
{
    Task<string> ForAsync(HttpContext context, ClaimsPrincipal viewer);
}

/// <summary>
/// An endpoint whose page is the same for every signed-in visitor but for its holes: its signed-in requests are
/// served from the output cache (kept once for all of them) with the holes filled in. Visitors in
/// <see cref="ExceptRoles"/> see more than the shared page shows (a leader's sponsor emails): their pages are
/// rendered whole.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SharedForSignedInAttribute : Attribute
{
    public string[] ExceptRoles { get; init; } = [];

    /// <summary>An <see cref="ISharedVary"/> (registered as itself) when the shared page depends on one fact of the visitor's.</summary>
    public Type? VaryBy { get; init; }
}
